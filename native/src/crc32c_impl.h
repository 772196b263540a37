/*
 * CRC32C (Castagnoli) implementations behind crc32c() in image.h, exposed
 * so tests can check that the hardware and table paths agree and measure
 * them. The engine calls only crc32c().
 */
#ifndef STASIS_CRC32C_IMPL_H
#define STASIS_CRC32C_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Same contract as crc32c(): crc32c(0, "123456789", 9) == 0xe3069283,
 * and crc32c(crc32c(0, a, n), b, m) is the CRC of a followed by b. */
uint32_t crc32c_sw(uint32_t crc, const void *buf, size_t len);
/* Only valid when crc32c_hw_available(). */
uint32_t crc32c_hw(uint32_t crc, const void *buf, size_t len);
bool crc32c_hw_available(void);

#endif
