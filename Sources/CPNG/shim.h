// Only libpng's simplified png_image_* API is used: the classic API relies on setjmp.
#include <png.h>
