#pragma once

#include <malloc.h>

namespace triptych {

// glibc hands freed memory back to the kernel eagerly: a free heap top over 128 KiB is trimmed and big blocks are
// mmapped and unmapped, so every request's fresh pages fault in again. On a virtual machine a page fault is dear:
// the GraphQL answer of 1,000 orders took 2.7 ms with glibc's defaults and 0.22 ms with this (bench/graphql), and
// a GraphQL server under load answered 38 % more requests. So big blocks stay in the heap, and up to 4 MiB free at
// the top of each thread's heap stays for the next requests; more than that goes back as it is freed. The free
// pages inside the heaps go back every 10 s (MemoryTrimmer): after a spike RSS returns near where it was, which a
// much higher trim threshold prevented (glibc's malloc_trim cannot shrink the top of a thread's heap). Call first
// thing in main().
inline void keepFreedMemoryForReuse() {
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's largest; also stops the threshold from adapting
}

} // namespace triptych
