export default function Home() {
  return (
    <main>
      <h1>Staffroom on Next.js</h1>
      <p>
        REST at <code>/api/staffroom</code>, SCIM 2.0 at <code>/scim/v2</code>.
      </p>
    </main>
  );
}
