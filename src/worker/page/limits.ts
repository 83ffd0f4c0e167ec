// Size limits of the page-cleaning step, shared by the image worker and the
// tests. A phone with 1 to 2 GB of memory must cope: the photo is decoded at
// no more than MAX_CLEAN_PIXELS (4 bytes each: about 32 MB), and every later
// image is one byte a pixel at page size.

/** The photo is decoded scaled down to at most this many pixels before cleaning. */
export const MAX_CLEAN_PIXELS = 8_000_000;
