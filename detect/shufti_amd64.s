//go:build !purego

#include "textflag.h"

// SHUFTI_SETUP loads the nibble tables at DX into Y8-Y11, the nibble
// mask into Y12 and zero into Y13.
#define SHUFTI_SETUP \
	VMOVDQU 0(DX), Y8 \
	VMOVDQU 32(DX), Y9 \
	VMOVDQU 64(DX), Y10 \
	VMOVDQU 96(DX), Y11 \
	MOVL $0x0F0F0F0F, AX \
	MOVL AX, X12 \
	VPBROADCASTD X12, Y12 \
	VPXOR Y13, Y13, Y13

// SHUFTI_MASK sets AX to the candidate mask of the 32 positions whose
// bytes are in Y0 and whose next bytes are in Y1 (both clobbered, with
// Y2 and Y3).
#define SHUFTI_MASK \
	VPSRLW $4, Y0, Y2 \
	VPAND Y12, Y0, Y0 \
	VPAND Y12, Y2, Y2 \
	VPSHUFB Y0, Y8, Y0 \
	VPSHUFB Y2, Y9, Y2 \
	VPAND Y0, Y2, Y0 \
	VPSRLW $4, Y1, Y3 \
	VPAND Y12, Y1, Y1 \
	VPAND Y12, Y3, Y3 \
	VPSHUFB Y1, Y10, Y1 \
	VPSHUFB Y3, Y11, Y3 \
	VPAND Y1, Y3, Y1 \
	VPAND Y0, Y1, Y0 \
	VPCMPEQB Y13, Y0, Y0 \
	VPMOVMSKB Y0, AX \
	NOTL AX


// func pairMasksAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32)
//
// For each block k of 32 positions, out[k] gets a bit per position i
// (p[32k+i], p[32k+i+1]) that the nibble tables accept. Reads
// p[0 : 32*nblocks+1].
TEXT ·pairMasksAVX2(SB), NOSPLIT, $0-32
	MOVQ p+0(FP), SI
	MOVQ nblocks+8(FP), CX
	MOVQ t+16(FP), DX
	MOVQ out+24(FP), DI
	SHUFTI_SETUP
	TESTQ CX, CX
	JZ done

loop:
	VMOVDQU (SI), Y0  // b[i]
	VMOVDQU 1(SI), Y1 // b[i+1]
	SHUFTI_MASK
	MOVL AX, (DI)
	ADDQ $32, SI
	ADDQ $4, DI
	DECQ CX
	JNZ loop

done:
	VZEROUPPER
	RET

// func pairMasksDigitsAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, dout *uint32)
//
// pairMasksAVX2 split in two: dout[k] gets the ASCII digits of block k,
// out[k] the other candidate positions (the ones that are not digits).
TEXT ·pairMasksDigitsAVX2(SB), NOSPLIT, $0-40
	MOVQ p+0(FP), SI
	MOVQ nblocks+8(FP), CX
	MOVQ t+16(FP), DX
	MOVQ out+24(FP), DI
	MOVQ dout+32(FP), R10
	SHUFTI_SETUP
	MOVL $0x2F2F2F2F, AX
	MOVL AX, X14
	VPBROADCASTD X14, Y14 // '0'-1
	MOVL $0x3A3A3A3A, AX
	MOVL AX, X15
	VPBROADCASTD X15, Y15 // '9'+1
	TESTQ CX, CX
	JZ rdone

rloop:
	VMOVDQU (SI), Y0  // b[i]
	VMOVDQU 1(SI), Y1 // b[i+1]
	VPCMPGTB Y14, Y0, Y4 // b > '0'-1 (signed: bytes >= 0x80 are not)
	VPCMPGTB Y0, Y15, Y5 // b < '9'+1
	VPAND Y4, Y5, Y4
	VPMOVMSKB Y4, BX     // digits
	SHUFTI_MASK
	MOVL BX, (R10)
	NOTL BX
	ANDL BX, AX          // candidates &^ digits
	MOVL AX, (DI)
	ADDQ $32, SI
	ADDQ $4, DI
	ADDQ $4, R10
	DECQ CX
	JNZ rloop

rdone:
	VZEROUPPER
	RET

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-4
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	RET
