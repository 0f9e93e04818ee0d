// `npm run email:dev`: renders every template in emails/ with its PreviewProps to
// .data/email-preview/ (HTML and plain text) and serves them with an index. React
// Email's own preview server (`email dev`) needs @react-email/ui, which is not
// installed and cannot be fetched offline; run under `tsx watch`, this re-renders on
// every template change. `--once` only writes the files.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { emailTemplatePreviews } from "@/emails/email-templates";
import { renderEmail } from "@/lib/email/render-email";

const outputDir = path.join(process.cwd(), ".data", "email-preview");
const port = Number(process.env.EMAIL_PREVIEW_PORT ?? 3030);

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function renderIndex(entries: readonly { name: string; subject: string }[]): string {
  const items = entries
    .map(
      ({ name, subject }) =>
        `<li><a href="${name}.html">${escapeHtml(name)}</a> · <a href="${name}.txt">text</a><br><small>${escapeHtml(subject)}</small></li>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Faultline emails</title>
<style>body{font:15px system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}li{margin:.75rem 0}small{color:#666}</style>
</head><body><h1>Faultline emails</h1><p>Rendered from each template's PreviewProps.</p><ul>${items}</ul></body></html>`;
}

async function renderAll(): Promise<void> {
  await mkdir(outputDir, { recursive: true });
  for (const { name, element } of emailTemplatePreviews) {
    const { html, text } = await renderEmail(element);
    await writeFile(path.join(outputDir, `${name}.html`), html);
    await writeFile(path.join(outputDir, `${name}.txt`), text);
  }
  await writeFile(path.join(outputDir, "index.html"), renderIndex(emailTemplatePreviews));
  console.log(`Rendered ${emailTemplatePreviews.length} emails to ${outputDir}`);
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

function serve(): void {
  const server = createServer(async (request, response) => {
    const name = path.basename(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = name === "" ? "index.html" : name;
    const contentType = contentTypes[path.extname(file)];
    try {
      if (!contentType) throw new Error("unsupported");
      const body = await readFile(path.join(outputDir, file));
      response.writeHead(200, { "content-type": contentType });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not found");
    }
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`Email previews: http://127.0.0.1:${port}/`);
  });
}

renderAll()
  .then(() => {
    if (!process.argv.includes("--once")) serve();
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
