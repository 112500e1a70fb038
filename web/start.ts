// npm start: serve the browser preview (the real face and settings page replaying a run) on localhost.
import { startServer } from "./server";
import { listTraces, TRACES_DIR } from "../tools/trace-files";

async function main(): Promise<void> {
  const wanted = Number(process.env.PORT ?? 8080);
  let preview;
  try {
    preview = await startServer(wanted);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    preview = await startServer(0); // the usual port is taken: any free one will do
  }
  const traces = listTraces().length;
  console.log(traces > 0
    ? `Real traces: ${traces} from ${TRACES_DIR}, plus the generated demo run.`
    : `No real traces in ${TRACES_DIR}: the page offers the generated demo run (labelled as generated).`);
  console.log(`Recovery Guard preview: open ${preview.url}  (Ctrl+C to stop)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
