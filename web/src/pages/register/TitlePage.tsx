/** Placeholder: being built. */
export default function TitlePage() {
  return <div data-testid="placeholder-TitlePage">TitlePage</div>;
}
