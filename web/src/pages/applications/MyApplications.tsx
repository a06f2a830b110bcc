/** Placeholder: being built. */
export default function MyApplications() {
  return <div data-testid="placeholder-MyApplications">MyApplications</div>;
}
