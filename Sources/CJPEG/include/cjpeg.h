// A small C layer over libjpeg for Swift: libjpeg reports errors by calling a function that
// must not return (its default calls exit()), and recovering needs setjmp/longjmp, which
// Swift cannot do. Every function here returns a status instead, never prints and never exits.
#ifndef CJPEG_H
#define CJPEG_H

#include <stddef.h>

/// Room for one message (libjpeg's JMSG_LENGTH_MAX).
#define CJPEG_MESSAGE_MAX 200

typedef enum {
    CJPEG_OK = 0,
    CJPEG_DAMAGED = 1,     // libjpeg refused the data; the message is libjpeg's
    CJPEG_TRUNCATED = 2,   // the data ended before the image did
    CJPEG_UNSUPPORTED = 3, // a JPEG this layer does not decode; the message says why
    CJPEG_BAD_ARGUMENT = 4 // the caller's buffer or parameters do not fit
} cjpeg_status;

/// Reads the header only: the size and number of colour components, no pixels.
cjpeg_status cjpeg_read_header(const unsigned char *data, size_t length,
                               int *width, int *height, int *components,
                               char message[CJPEG_MESSAGE_MAX]);

/// Decodes to 8-bit RGBA rows (alpha 255) into `out`, which must hold exactly
/// width * height * 4 bytes of the size cjpeg_read_header gave. Greyscale, YCbCr, RGB,
/// CMYK and YCCK are converted. `warnings` counts libjpeg's tolerated complaints.
cjpeg_status cjpeg_decode_rgba(const unsigned char *data, size_t length,
                               unsigned char *out, size_t out_length, int *warnings,
                               char message[CJPEG_MESSAGE_MAX]);

/// Encodes packed 8-bit rows of `components` samples (1 grey, 3 RGB, 4 CMYK as Adobe
/// writes it, i.e. inverted) at `quality` 1...100, baseline or (`progressive` != 0)
/// progressive. On success *out is a malloc'd buffer of *out_length bytes for the caller
/// to release with cjpeg_free.
cjpeg_status cjpeg_encode(const unsigned char *pixels, int width, int height, int components,
                          int quality, int progressive, unsigned char **out, size_t *out_length,
                          char message[CJPEG_MESSAGE_MAX]);

void cjpeg_free(unsigned char *buffer);

#endif
