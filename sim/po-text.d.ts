// .po files imported as text (esbuild: `with { type: "text" }`; vitest: the po-text plugin in vitest.config.ts).
declare module "*.po" {
  const text: string;
  export default text;
}
