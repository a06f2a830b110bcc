/** Placeholder: being built. */
export default function NoticeList() {
  return <div data-testid="placeholder-NoticeList">NoticeList</div>;
}
