// esbuild loads the face's view and styles as text (see web/build.ts).
declare module "*.view" {
  const text: string;
  export default text;
}
declare module "*.css" {
  const text: string;
  export default text;
}
