// A file saved through the browser's download: its own module, so pages that only download (the
// facilitator's archive and incontournables) do not load the exporters.

/** Saves a file through the browser's download (an object URL on a temporary link). */
export function saveFile(file: { blob: Blob; name: string }): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
