/** Placeholder: being built. */
export default function ReviewQueue() {
  return <div data-testid="placeholder-ReviewQueue">ReviewQueue</div>;
}
