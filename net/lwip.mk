# lwIP in the kernel (filled in by the lwIP build work): defines LWIP_INC (include flags for
# net/*.c), LWIP_OBJ (lwIP's objects to link into the kernel) and LWIP_STAMP (fetched).
LWIP_INC :=
LWIP_OBJ :=
LWIP_STAMP :=
