// libjpeg behind status codes (see include/cjpeg.h for why this exists at all).
#include "cjpeg.h"

#include <setjmp.h>
#include <stdio.h> // jpeglib.h needs FILE and size_t declared first
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h> // after jpeglib.h: the message list depends on its configuration

// A progressive file may hold any number of scans, and each one costs a pass over the whole
// image: a small hostile file can keep the decoder busy for minutes. Cameras write about 10;
// libjpeg-turbo's own fuzzers use this same limit.
#define MAX_SCANS 500

// libjpeg hands our callbacks its error manager; the escape point and status ride along.
typedef struct {
    struct jpeg_error_mgr base; // first, so a jpeg_error_mgr pointer is also ours
    jmp_buf escape;
    cjpeg_status status;
    char *message;
} shim_errors;

__attribute__((noreturn))
static void give_up(j_common_ptr cinfo, cjpeg_status status, const char *text) {
    shim_errors *errors = (shim_errors *)cinfo->err;
    errors->status = status;
    if (text) {
        snprintf(errors->message, CJPEG_MESSAGE_MAX, "%s", text);
    } else {
        cinfo->err->format_message(cinfo, errors->message);
    }
    longjmp(errors->escape, 1);
}

// Replaces libjpeg's default, which prints and calls exit().
static void on_error(j_common_ptr cinfo) { give_up(cinfo, CJPEG_DAMAGED, NULL); }

// Warnings (level -1) are where libjpeg reports damaged or missing image data and then carries
// on with grey blocks. A half-decoded photo would give a false comparison, so those are fatal;
// harmless ones (stray bytes between markers, unknown JFIF version...) are only counted.
// Trace messages (level >= 0) are dropped. Nothing is ever printed.
static void on_message(j_common_ptr cinfo, int level) {
    if (level >= 0) return;
    switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:
        give_up(cinfo, CJPEG_TRUNCATED, "the file ends before the image data does");
        break;
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
        give_up(cinfo, CJPEG_DAMAGED, NULL);
        break;
    default:
        cinfo->err->num_warnings++;
    }
}

static void no_output(j_common_ptr cinfo) { (void)cinfo; }

static void check_scans(j_common_ptr cinfo) {
    if (cinfo->is_decompressor && ((j_decompress_ptr)cinfo)->input_scan_number > MAX_SCANS)
        give_up(cinfo, CJPEG_UNSUPPORTED, "the file has more than 500 progressive scans");
}

static struct jpeg_error_mgr *install(shim_errors *errors, char *message) {
    jpeg_std_error(&errors->base);
    errors->base.error_exit = on_error;
    errors->base.emit_message = on_message;
    errors->base.output_message = no_output;
    errors->status = CJPEG_OK;
    errors->message = message;
    message[0] = 0;
    return &errors->base;
}

// setjmp has to be called in the frame that stays alive, so each entry point below repeats
// the same few set-up lines instead of sharing a helper.

cjpeg_status cjpeg_read_header(const unsigned char *data, size_t length,
                               int *width, int *height, int *components,
                               char message[CJPEG_MESSAGE_MAX]) {
    struct jpeg_decompress_struct cinfo;
    shim_errors errors;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = install(&errors, message);
    if (setjmp(errors.escape)) {
        jpeg_destroy_decompress(&cinfo);
        return errors.status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);
    *width = (int)cinfo.image_width;
    *height = (int)cinfo.image_height;
    *components = cinfo.num_components;
    jpeg_destroy_decompress(&cinfo);
    return CJPEG_OK;
}

// libjpeg reads CMYK (and YCCK) only as CMYK. Adobe's files, the usual source, store the
// inks inverted (0 = full ink); without the Adobe marker they are taken as plain ink values.
static void cmyk_to_rgba(unsigned char *pixels, size_t count, int inverted) {
    for (size_t i = 0; i < count; i++, pixels += 4) {
        unsigned c = pixels[0], m = pixels[1], y = pixels[2], k = pixels[3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        pixels[0] = (unsigned char)((c * k + 127) / 255);
        pixels[1] = (unsigned char)((m * k + 127) / 255);
        pixels[2] = (unsigned char)((y * k + 127) / 255);
        pixels[3] = 255;
    }
}

cjpeg_status cjpeg_decode_rgba(const unsigned char *data, size_t length,
                               unsigned char *out, size_t out_length, int *warnings,
                               char message[CJPEG_MESSAGE_MAX]) {
    struct jpeg_decompress_struct cinfo;
    struct jpeg_progress_mgr progress = {.progress_monitor = check_scans};
    shim_errors errors;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = install(&errors, message);
    if (setjmp(errors.escape)) {
        jpeg_destroy_decompress(&cinfo);
        return errors.status;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);

    int cmyk = 0;
    switch (cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
    case JCS_YCbCr:
    case JCS_RGB:
        cinfo.out_color_space = JCS_EXT_RGBA; // libjpeg-turbo fills alpha with 255
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        cinfo.out_color_space = JCS_CMYK;
        cmyk = 1;
        break;
    default:
        give_up((j_common_ptr)&cinfo, CJPEG_UNSUPPORTED,
                "the colour space is not grey, RGB or CMYK");
    }
    jpeg_calc_output_dimensions(&cinfo);
    size_t stride = (size_t)cinfo.output_width * 4;
    if (out == NULL || stride * cinfo.output_height != out_length)
        give_up((j_common_ptr)&cinfo, CJPEG_BAD_ARGUMENT, "the output buffer does not fit the image");

    jpeg_start_decompress(&cinfo);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = out + stride * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo); // reads up to EOI, so a cut-off tail is noticed too
    if (cmyk) cmyk_to_rgba(out, out_length / 4, cinfo.saw_Adobe_marker);
    if (warnings) *warnings = (int)errors.base.num_warnings;
    jpeg_destroy_decompress(&cinfo);
    return CJPEG_OK;
}

cjpeg_status cjpeg_encode(const unsigned char *pixels, int width, int height, int components,
                          int quality, int progressive, unsigned char **out, size_t *out_length,
                          char message[CJPEG_MESSAGE_MAX]) {
    message[0] = 0;
    if (!pixels || !out || !out_length || width < 1 || height < 1 || width > JPEG_MAX_DIMENSION ||
        height > JPEG_MAX_DIMENSION || quality < 1 || quality > 100 ||
        (components != 1 && components != 3 && components != 4)) {
        snprintf(message, CJPEG_MESSAGE_MAX, "cannot encode %d x %d pixels of %d samples at quality %d",
                 width, height, components, quality);
        return CJPEG_BAD_ARGUMENT;
    }
    struct jpeg_compress_struct cinfo;
    shim_errors errors;
    unsigned char *buffer = NULL;
    unsigned long size = 0;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = install(&errors, message);
    if (setjmp(errors.escape)) {
        // Not expected once the arguments are checked. libjpeg's memory destination keeps a
        // buffer it has grown to itself until the end, so that one would leak here.
        jpeg_destroy_compress(&cinfo);
        return errors.status;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &buffer, &size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = components;
    cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 3 ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&cinfo); // CMYK input becomes YCCK with an Adobe marker
    jpeg_set_quality(&cinfo, quality, TRUE);
    if (progressive) jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    size_t stride = (size_t)width * (size_t)components;
    while (cinfo.next_scanline < cinfo.image_height) {
        // libjpeg's row type is not const, but compression only reads the rows.
        JSAMPROW row = (JSAMPROW)(pixels + stride * cinfo.next_scanline);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_length = size;
    return CJPEG_OK;
}

void cjpeg_free(unsigned char *buffer) { free(buffer); }
