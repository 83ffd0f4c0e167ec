export function HelpersScreen(_props: { id?: string }) {
  return <p>TODO</p>;
}
