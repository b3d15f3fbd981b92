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

// func filterCandsAMD64(masks *uint32, nb int, view *byte, i int, n8 int, tab *uint16, lone *kwCheck, out *uint64) int
//
// The candidate filter (filterCands): for each bit of masks[0:nb] (bit b
// of masks[k]: position p = i+32k+b of view), the action c of the pair
// view[p], view[p+1] in tab; positions with no action, and lone keyword
// anchors whose first eight bytes do not match, are dropped; the others
// are written to out as p | c<<32. n8 is len(view)-8. Returns the count.
TEXT ·filterCandsAMD64(SB), NOSPLIT, $0-72
	MOVQ masks+0(FP), SI
	MOVQ nb+8(FP), CX
	MOVQ view+16(FP), DI
	MOVQ i+24(FP), R8
	MOVQ n8+32(FP), R9
	MOVQ tab+40(FP), R10
	MOVQ lone+48(FP), R11
	MOVQ out+56(FP), R12
	XORQ R13, R13

floop:
	// Two masks (64 positions) at a time; a last odd one alone.
	CMPQ CX, $2
	JLT ftail
	MOVQ (SI), AX
	ADDQ $8, SI
	SUBQ $2, CX
	JMP fword

ftail:
	TESTQ CX, CX
	JZ fdone
	MOVL (SI), AX
	XORQ CX, CX

fword:
	TESTQ AX, AX
	JZ fnext

fbit:
	BSFQ AX, BX
	LEAQ -1(AX), DX
	ANDQ DX, AX
	ADDQ R8, BX              // p
	MOVWLZX (DI)(BX*1), DX   // the pair at p
	MOVWLZX (R10)(DX*2), DX  // its action c
	TESTL DX, DX
	JZ fcont
	MOVQ DX, R14
	SHLQ $5, R14
	ADDQ R11, R14            // &lone[c]
	MOVQ 24(R14), R15        // at (negative: keep)
	TESTQ R15, R15
	JS femit
	NEGQ R15
	ADDQ BX, R15             // s = p - at
	JS femit                 // out of the view: the slow path decides
	CMPQ R15, R9
	JGT femit
	MOVQ (DI)(R15*1), R15
	ANDQ 8(R14), R15         // keep
	ORQ 16(R14), R15         // fold
	CMPQ R15, 0(R14)         // head
	JNE fcont

femit:
	MOVQ DX, R15
	SHLQ $32, R15
	ORQ BX, R15
	MOVQ R15, (R12)(R13*8)
	INCQ R13

fcont:
	TESTQ AX, AX
	JNZ fbit

fnext:
	ADDQ $64, R8
	JMP floop

fdone:
	MOVQ R13, ret+64(FP)
	RET
