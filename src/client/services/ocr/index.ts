// Reading the words in pictures, on the device. Lazy: nothing here is in
// the first download, and the engine itself is fetched only on request.
export { recognise, release, type RecogniseOptions, type Recognised } from './recognise';
export { readPhoto, type ReadPhoto, type ReadStage } from './read-photo';
export { downloadEngine, missingFiles, transferSize, hasWebAssembly, type OcrLanguage, type DownloadProgress } from './engine';
export { OcrError, isAbort, type OcrErrorCode } from './errors';
