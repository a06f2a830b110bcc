/** Placeholder: being built. */
export default function ReviewPage() {
  return <div data-testid="placeholder-ReviewPage">ReviewPage</div>;
}
