// Saves something as a file on the phone or computer: a calendar entry, the
// receipts of what was sent, an adviser's receipts. One way for the whole app.

/** Downloads text or a Blob under a file name, through a temporary object URL. */
export function downloadFile(content: Blob | string, fileName: string, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before letting go of the data.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
