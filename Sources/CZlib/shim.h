// zlib's deflate, for PNG files compressed in bands on several cores.
#include <zlib.h>
