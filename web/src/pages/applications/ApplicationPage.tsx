/** Placeholder: being built. */
export default function ApplicationPage() {
  return <div data-testid="placeholder-ApplicationPage">ApplicationPage</div>;
}
