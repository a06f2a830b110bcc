/** Placeholder: being built. */
export default function BatchesPage() {
  return <div data-testid="placeholder-BatchesPage">BatchesPage</div>;
}
