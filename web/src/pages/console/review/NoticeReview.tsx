/** Placeholder: being built. */
export default function NoticeReview() {
  return <div data-testid="placeholder-NoticeReview">NoticeReview</div>;
}
