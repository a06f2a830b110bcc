/** Placeholder: being built. */
export default function NoticePage() {
  return <div data-testid="placeholder-NoticePage">NoticePage</div>;
}
