export function App() {
  return <main><h1>SE Explainer</h1></main>;
}
