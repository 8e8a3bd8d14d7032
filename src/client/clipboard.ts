/**
 * Copying text in every browser we can reach: the async Clipboard API first, then the older
 * execCommand("copy") on a temporary textarea (for http pages, older WebViews and iframes without
 * clipboard-write). Callers show a "copy it by hand" message when both fail.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithTextarea(text, doc);
  }
}

function copyWithTextarea(text: string, doc: Document): boolean {
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  // CSSOM writes are allowed under a strict style-src; a style attribute would not be.
  area.style.position = "fixed";
  area.style.insetBlockStart = "-100vh";
  area.style.opacity = "0";
  (doc.body as HTMLElement | null)?.append(area);
  area.select();
  let copied: boolean;
  try {
    // Deprecated, but still the only way where the Clipboard API is unavailable.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    copied = doc.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** Select an element's text so a person can copy it by hand. */
export function selectContents(element: Element): void {
  const selection = element.ownerDocument.getSelection();
  if (selection === null) return;
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Save text as a .txt file through a temporary object URL: nothing is uploaded anywhere. */
export function downloadText(text: string, fileName: string, doc: Document = document): void {
  downloadFile(text, fileName, "text/plain;charset=utf-8", doc);
}

/**
 * Save text as a file of any type (an .ics calendar, a .json export, a .csv sheet) through a
 * temporary object URL, so the file is made on the device and nothing is uploaded.
 */
export function downloadFile(text: string, fileName: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  (doc.body as HTMLElement | null)?.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
