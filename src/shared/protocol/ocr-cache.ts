// Where the OCR engine's files are kept on the phone, once downloaded.
// Shared by the service worker and the page (src/client/services/ocr/).
export const OCR_CACHE = 'ocr-engine';
export const OCR_PATH_PREFIX = '/assets/ocr/';
