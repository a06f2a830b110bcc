/** Placeholder: being built. */
export default function RegisterPage() {
  return <div data-testid="placeholder-RegisterPage">RegisterPage</div>;
}
