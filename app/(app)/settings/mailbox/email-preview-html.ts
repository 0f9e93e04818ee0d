// Links in a previewed email open in a new tab: the sandboxed frame may not navigate
// itself or the app, only open popups that leave the sandbox.
export function toPreviewHtml(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`)
    : `${base}${html}`;
}
