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

// SHUFTI_PAIR sets Y0 to the buckets that accept the pairs of the 32
// positions whose bytes are in Y0 and whose next bytes are in Y1 (Y1,
// Y2 and Y3 clobbered).
#define SHUFTI_PAIR \
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
	VPAND Y0, Y1, Y0

// SHUFTI_ANY sets AX to a bit per byte of Y0 that is not zero (a
// position some bucket accepts).
#define SHUFTI_ANY \
	VPCMPEQB Y13, Y0, Y0 \
	VPMOVMSKB Y0, AX \
	NOTL AX

// SHUFTI_MASK sets AX to the candidate mask of the 32 positions whose
// bytes are in Y0 and whose next bytes are in Y1 (both clobbered, with
// Y2 and Y3).
#define SHUFTI_MASK \
	SHUFTI_PAIR \
	SHUFTI_ANY

// SHUFTI_PREV_SETUP loads the before-byte tables at DX (offsets 128 and
// 160) into Y14 and Y15.
#define SHUFTI_PREV_SETUP \
	VMOVDQU 128(DX), Y14 \
	VMOVDQU 160(DX), Y15

// SHUFTI_MASK_PREV is SHUFTI_MASK with the bytes before the positions in
// Y6 (clobbered), checked against the before-byte tables in Y14 and Y15.
#define SHUFTI_MASK_PREV \
	SHUFTI_PAIR \
	VPSRLW $4, Y6, Y3 \
	VPAND Y12, Y6, Y6 \
	VPAND Y12, Y3, Y3 \
	VPSHUFB Y6, Y14, Y6 \
	VPSHUFB Y3, Y15, Y3 \
	VPAND Y6, Y3, Y6 \
	VPAND Y0, Y6, Y0 \
	SHUFTI_ANY

// FIRST_PREV sets Y6 to the bytes before the 32 in Y0 when the byte
// before the first is not in memory: the byte in AX, then Y0's first 31.
#define FIRST_PREV \
	MOVQ AX, X6 \
	VPSLLDQ $15, X6, X6 \
	VINSERTI128 $1, X0, Y6, Y6 \
	VPALIGNR $15, Y6, Y0, Y6

// PREV_SETUP is the setup of the byte-before kernels: the six nibble
// tables at DX, the nibble mask, zero and '\n'.
#define PREV_SETUP \
	SHUFTI_SETUP \
	SHUFTI_PREV_SETUP \
	NL_SETUP

// BLOCK_LOAD(b, b1, n) loads the block at b(SI) into Y0 and the bytes
// after each of its positions (b1 = b+1) into Y1, and stores its
// newlines at n(R11).
#define BLOCK_LOAD(b, b1, n) \
	VMOVDQU b(SI), Y0 \
	VMOVDQU b1(SI), Y1 \
	NEWLINES(n)

// NEWLINES stores at (R11) the newline mask of the 32 bytes in Y0 (Y7:
// '\n' in every byte) with, in the high half, the newlines before them
// (R13), and adds its newlines to R13. Clobbers Y6, R12 and R14.
#define NEWLINES(off) \
	VPCMPEQB Y7, Y0, Y6 \
	VPMOVMSKB Y6, R12 \
	MOVQ R13, R14 \
	SHLQ $32, R14 \
	ORQ R12, R14 \
	MOVQ R14, off(R11) \
	POPCNTL R12, R12 \
	ADDQ R12, R13

// NL_SETUP loads '\n' into every byte of Y7.
#define NL_SETUP \
	MOVL $0x0A0A0A0A, AX \
	MOVL AX, X7 \
	VPBROADCASTD X7, Y7

// DIGITS sets BX to the ASCII digits of the 32 bytes in Y0. Clobbers Y4
// and Y5.
#define DIGITS \
	VPCMPGTB digitsBelow<>(SB), Y0, Y4 \
	VPCMPGTB digitsAbove<>(SB), Y0, Y5 \
	VPANDN Y4, Y5, Y4 \
	VPMOVMSKB Y4, BX

// b > '0'-1 and b > '9' (signed: bytes >= 0x80 are neither), for DIGITS.
DATA digitsBelow<>+0(SB)/8, $0x2F2F2F2F2F2F2F2F
DATA digitsBelow<>+8(SB)/8, $0x2F2F2F2F2F2F2F2F
DATA digitsBelow<>+16(SB)/8, $0x2F2F2F2F2F2F2F2F
DATA digitsBelow<>+24(SB)/8, $0x2F2F2F2F2F2F2F2F
GLOBL digitsBelow<>(SB), RODATA|NOPTR, $32
DATA digitsAbove<>+0(SB)/8, $0x3939393939393939
DATA digitsAbove<>+8(SB)/8, $0x3939393939393939
DATA digitsAbove<>+16(SB)/8, $0x3939393939393939
DATA digitsAbove<>+24(SB)/8, $0x3939393939393939
GLOBL digitsAbove<>(SB), RODATA|NOPTR, $32


// DIGITS_BLOCK(b, b1, n, o) handles the block at b(SI) (b1 = b+1): its
// newlines to n(R11), its digits to o(R10) and its other candidates to
// o(DI). Clobbers Y0-Y5, AX and BX.
#define DIGITS_BLOCK(b, b1, n, o) \
	BLOCK_LOAD(b, b1, n) \
	DIGITS \
	SHUFTI_MASK \
	MOVL BX, o(R10) \
	ANDNL AX, BX, AX \
	MOVL AX, o(DI)

// DIGITS_BLOCK_PREV(b, b1, m, n, o) is DIGITS_BLOCK with the bytes before
// the block's read from m.
#define DIGITS_BLOCK_PREV(b, b1, m, n, o) \
	BLOCK_LOAD(b, b1, n) \
	DIGITS \
	VMOVDQU m, Y6 \
	SHUFTI_MASK_PREV \
	MOVL BX, o(R10) \
	ANDNL AX, BX, AX \
	MOVL AX, o(DI)

// func pairMasksAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, nout *uint64, nl int) int
//
// For each block k of 32 positions, out[k] gets a bit per position i
// (p[32k+i], p[32k+i+1]) that the nibble tables accept, and nout[k] a
// bit per newline p[32k+i] with, in the high half, nl plus the newlines
// of the blocks before it. It returns nl plus all the blocks' newlines.
// Reads p[0 : 32*nblocks+1].
TEXT ·pairMasksAVX2(SB), NOSPLIT, $0-56
	MOVQ p+0(FP), SI
	MOVQ nblocks+8(FP), CX
	MOVQ t+16(FP), DX
	MOVQ out+24(FP), DI
	MOVQ nout+32(FP), R11
	MOVQ nl+40(FP), R13
	SHUFTI_SETUP
	NL_SETUP
	TESTQ CX, CX
	JZ done

loop:
	PREFETCHT0 8192(SI) // as in pairMasksDigitsAVX2
	VMOVDQU (SI), Y0    // b[i]
	VMOVDQU 1(SI), Y1   // b[i+1]
	NEWLINES(0)
	SHUFTI_MASK
	MOVL AX, (DI)
	ADDQ $32, SI
	ADDQ $4, DI
	ADDQ $8, R11
	DECQ CX
	JNZ loop

done:
	MOVQ R13, ret+48(FP)
	VZEROUPPER
	RET

// func pairMasksDigitsAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, dout *uint32, nout *uint64, nl int) int
//
// pairMasksAVX2 with out split in two: dout[k] gets the ASCII digits of
// block k, out[k] the other candidate positions (the ones that are not
// digits).
TEXT ·pairMasksDigitsAVX2(SB), NOSPLIT, $0-64
	MOVQ p+0(FP), SI
	MOVQ nblocks+8(FP), CX
	MOVQ t+16(FP), DX
	MOVQ out+24(FP), DI
	MOVQ dout+32(FP), R10
	MOVQ nout+40(FP), R11
	MOVQ nl+48(FP), R13
	SHUFTI_SETUP
	NL_SETUP
	// Two blocks per iteration, then a last odd one.
	CMPQ CX, $2
	JLT rlast

rloop:
	// The next batch (256 blocks) is fetched while this one is handled:
	// the pass is the first to read the text, which comes from memory.
	PREFETCHT0 8192(SI)
	DIGITS_BLOCK(0, 1, 0, 0)
	DIGITS_BLOCK(32, 33, 8, 4)
	ADDQ $64, SI
	ADDQ $8, DI
	ADDQ $8, R10
	ADDQ $16, R11
	SUBQ $2, CX
	CMPQ CX, $2
	JGE rloop

rlast:
	TESTQ CX, CX
	JZ rdone
	DIGITS_BLOCK(0, 1, 0, 0)

rdone:
	MOVQ R13, ret+56(FP)
	VZEROUPPER
	RET

// func pairMasksPrevAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, nout *uint64, nl int, prev int) int
//
// pairMasksAVX2 with the byte before each pair: out[k] gets a bit per position i
// (p[32k+i-1], p[32k+i], p[32k+i+1]) that the nibble tables accept (prev
// stands for p[-1], which is not read), and nout[k] a bit per newline
// p[32k+i] with, in the high half, nl plus the newlines of the blocks
// before it. It returns nl plus all the blocks' newlines. Reads
// p[0 : 32*nblocks+1].
TEXT ·pairMasksPrevAVX2(SB), NOSPLIT, $0-64
	MOVQ p+0(FP), SI
	MOVQ nblocks+8(FP), CX
	MOVQ t+16(FP), DX
	MOVQ out+24(FP), DI
	MOVQ nout+32(FP), R11
	MOVQ nl+40(FP), R13
	PREV_SETUP
	TESTQ CX, CX
	JZ done
	// The first block: the byte before it is prev.
	BLOCK_LOAD(0, 1, 0)
	MOVQ prev+48(FP), AX
	FIRST_PREV
	JMP mask

loop:
	PREFETCHT0 8192(SI) // as in pairMasksDigitsAVX2
	BLOCK_LOAD(0, 1, 0)
	VMOVDQU -1(SI), Y6  // b[i-1]

mask:
	SHUFTI_MASK_PREV
	MOVL AX, (DI)
	ADDQ $32, SI
	ADDQ $4, DI
	ADDQ $8, R11
	DECQ CX
	JNZ loop

done:
	MOVQ R13, ret+56(FP)
	VZEROUPPER
	RET

// func pairMasksDigitsPrevAVX2(p *byte, nblocks int, t *nibbleTables, out *uint32, dout *uint32, nout *uint64, nl int, prev int) int
//
// pairMasksPrevAVX2 with out split in two, as pairMasksDigitsAVX2.
TEXT ·pairMasksDigitsPrevAVX2(SB), NOSPLIT, $0-72
	MOVQ p+0(FP), SI
	MOVQ nblocks+8(FP), CX
	MOVQ t+16(FP), DX
	MOVQ out+24(FP), DI
	MOVQ dout+32(FP), R10
	MOVQ nout+40(FP), R11
	MOVQ nl+48(FP), R13
	PREV_SETUP
	TESTQ CX, CX
	JZ pdone
	// The first block alone: the byte before it is prev.
	BLOCK_LOAD(0, 1, 0)
	DIGITS
	MOVQ prev+56(FP), AX
	FIRST_PREV
	SHUFTI_MASK_PREV
	MOVL BX, (R10)
	ANDNL AX, BX, AX
	MOVL AX, (DI)
	ADDQ $32, SI
	ADDQ $4, DI
	ADDQ $4, R10
	ADDQ $8, R11
	DECQ CX
	CMPQ CX, $2
	JLT plast

ploop:
	PREFETCHT0 8192(SI) // as in pairMasksDigitsAVX2
	DIGITS_BLOCK_PREV(0, 1, -1(SI), 0, 0)
	DIGITS_BLOCK_PREV(32, 33, 31(SI), 8, 4)
	ADDQ $64, SI
	ADDQ $8, DI
	ADDQ $8, R10
	ADDQ $16, R11
	SUBQ $2, CX
	CMPQ CX, $2
	JGE ploop

plast:
	TESTQ CX, CX
	JZ pdone
	DIGITS_BLOCK_PREV(0, 1, -1(SI), 0, 0)

pdone:
	MOVQ R13, ret+64(FP)
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

// FILTER_NEXT reads filterCandsAMD64's next listed position into BX and
// its action into DX, or ends the filter.
#define FILTER_NEXT \
	CMPQ SI, R13 \
	JAE fdone \
	MOVQ (SI), BX \
	ADDQ $8, SI \
	MOVWLZX (DI)(BX*1), DX \
	MOVWLZX (R10)(DX*2), DX

// FILTER_KEEP writes the entry p | c<<32 (BX, DX) and keeps it.
#define FILTER_KEEP \
	SHLQ $32, DX \
	ORQ BX, DX \
	MOVQ DX, (R12) \
	ADDQ $8, R12

// func filterCandsAMD64(masks *uint32, nb int, view *byte, i int, n8 int, tab *uint16, lone *kwCheck, out *uint64) int
//
// The candidate filter (filterCands): for each bit of masks[0:nb] (bit b
// of masks[k]: position p = i+32k+b of view), the action c of the pair
// view[p], view[p+1] in tab; positions with no action, and lone keyword
// anchors whose first eight bytes do not match, are dropped; the others
// are written to out as p | c<<32. n8 is len(view)-8. Returns the count.
//
// The marked positions are first listed in out (eight written per word
// whatever its count, the pointer moved by the count: few branches, as
// their number varies from word to word), then filtered in place. out
// must have room for every position and eight more.
TEXT ·filterCandsAMD64(SB), NOSPLIT, $0-72
	MOVQ masks+0(FP), SI
	MOVQ nb+8(FP), CX
	MOVQ i+24(FP), R8
	MOVQ out+56(FP), R12
	MOVQ R12, R13            // the list's end

flist:
	// Two masks (64 positions) at a time; a last odd one alone.
	CMPQ CX, $2
	JLT fltail
	MOVQ (SI), AX
	ADDQ $8, SI
	SUBQ $2, CX
	JMP flword

fltail:
	TESTQ CX, CX
	JZ ffilter
	MOVL (SI), AX
	XORQ CX, CX

flword:
	POPCNTQ AX, R9
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 0(R13)
	BLSRQ AX, AX
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 8(R13)
	BLSRQ AX, AX
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 16(R13)
	BLSRQ AX, AX
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 24(R13)
	BLSRQ AX, AX
	CMPQ R9, $4
	JLE fldone
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 32(R13)
	BLSRQ AX, AX
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 40(R13)
	BLSRQ AX, AX
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 48(R13)
	BLSRQ AX, AX
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, 56(R13)
	BLSRQ AX, AX
	LEAQ 64(R13), R10

flmore:
	// More than eight: one at a time.
	TESTQ AX, AX
	JZ fldone
	TZCNTQ AX, DX
	ADDQ R8, DX
	MOVQ DX, (R10)
	ADDQ $8, R10
	BLSRQ AX, AX
	JMP flmore

fldone:
	LEAQ (R13)(R9*8), R13
	ADDQ $64, R8
	JMP flist

ffilter:
	MOVQ view+16(FP), DI
	MOVQ n8+32(FP), R9
	MOVQ tab+40(FP), R10
	MOVQ lone+48(FP), R11
	MOVQ out+56(FP), SI      // read
	MOVQ SI, R12             // write
	TESTQ R11, R11
	JZ fplain

	// Every candidate gets the same test (see kwCheck), and its entry is
	// written and kept (R12 moved past it) when it passes: whether a
	// candidate is a keyword's anchor and whether it is the keyword are
	// not predictable.
fnext:
	FILTER_NEXT
	MOVQ DX, R14
	SHLQ $5, R14
	ADDQ R11, R14            // &lone[c]
	MOVQ BX, R15
	SUBQ 24(R14), R15        // s = p - at
	JS fedge                 // out of the view: the slow path decides
	CMPQ R15, R9
	JGT fedge
	MOVQ (DI)(R15*1), R15
	ANDQ 8(R14), R15         // keep
	ORQ 16(R14), R15         // fold
	XORL AX, AX
	CMPQ R15, 0(R14)         // head
	SETEQ AX
	SHLQ $32, DX
	ORQ BX, DX
	MOVQ DX, (R12)
	LEAQ (R12)(AX*8), R12
	JMP fnext

fedge:
	TESTL DX, DX             // kept when it has an action
	JZ fnext
	FILTER_KEEP
	JMP fnext

	// No lone keyword (lone nil): only the positions without an action
	// are dropped, the rest kept as they come.
fplain:
	FILTER_NEXT
	TESTL DX, DX
	JZ fplain
	FILTER_KEEP
	JMP fplain

fdone:
	SUBQ out+56(FP), R12
	SHRQ $3, R12
	MOVQ R12, ret+64(FP)
	RET

// SENDER_CHECK goes on when a chat sender's number has its '+' at q
// (R11): without digitSenders, to dclasses; when its bytes pass the end
// of the view, to dundec; when it is not one, to dclasses. Clobbers CX,
// DX, X0 and X1 (SSE2: the kernel needs no more than the baseline).
#define SENDER_CHECK \
	TESTQ $4, 72(R15) \
	JZ dclasses \
	LEAQ 17(R11), DX \
	CMPQ DX, 24(R15) \
	JGT dundec \
	MOVOU 1(DI)(R11*1), X0 \
	MOVOU senderSub<>(SB), X1 \
	PSUBB X1, X0 \
	MOVOU senderLim<>(SB), X1 \
	PMINUB X0, X1 \
	PCMPEQB X0, X1 \
	PMOVMSKB X1, DX \
	CMPL DX, $0xFFFF \
	JNE dclasses \
	MOVQ 88(R15), CX \
	MOVBLZX -1(DI)(R11*1), DX \
	CMPB (CX)(DX*1), $1 \
	JA dclasses

// SENDER_RUN(s, e, m) writes the record of the run q+s..q+e (R11 is q)
// with the mask at m(R15), and keeps it when the mask is not 0. Clobbers
// CX and DX.
#define SENDER_RUN(s, e, m) \
	MOVQ m(R15), DX \
	LEAL s(R11), CX \
	MOVL CX, 0(R12) \
	LEAL e(R11), CX \
	MOVL CX, 4(R12) \
	MOVQ DX, 8(R12) \
	NEGQ DX \
	SBBQ DX, DX \
	ANDQ $16, DX \
	ADDQ DX, R12

// A chat sender's number from its first digit, "DD DDDD DDDDDD: ": the
// byte subtracted at each position (senderSub) leaves at most
// senderLim, 9 for a digit and 0 for the space or the ':'.
DATA senderSub<>+0(SB)/8, $0x2030303030203030
DATA senderSub<>+8(SB)/8, $0x203A303030303030
GLOBL senderSub<>(SB), RODATA|NOPTR, $16
DATA senderLim<>+0(SB)/8, $0x0009090909000909
DATA senderLim<>+8(SB)/8, $0x0000090909090909
GLOBL senderLim<>(SB), RODATA|NOPTR, $16

// func digitRunsAMD64(a *digitArgs)
//
// digitRunsGo in assembly. Registers: AX the run starts left in the
// word, BX the run start p, R8 the position of the word's first bit,
// R9 and R10 the word of digit bits and the next, R11 the digit bits from
// p (dd), R13 dropTo, SI the digit masks, DI the view, R12 the next
// record, R15 the frame; CX, DX and R14 scratch. The digit bit of the
// byte before the word is kept in a stack slot (prev-8(SP)): a load
// from a slot just stored at a fixed offset from SP is forwarded at
// once, where one through the frame's pointer waits for the store.
TEXT ·digitRunsAMD64(SB), NOSPLIT, $8-8
	MOVQ a+0(FP), R15
	MOVQ 0(R15), SI          // dm
	MOVQ 16(R15), DI         // view
	MOVQ 32(R15), R8         // base
	MOVQ 56(R15), R13        // dropTo
	MOVQ 104(R15), R12       // out
	MOVQ 48(R15), DX
	MOVQ DX, prev-8(SP)

dword:
	CMPQ SI, 8(R15)          // dmEnd
	JAE ddone
	MOVQ (SI), R9            // d: two blocks
	TESTQ R9, R9
	JZ dzero                 // no digit: no run starts here
	MOVQ 8(SI), R10          // dn: the next two
	// AX = d &^ (d<<1 | prev)
	MOVQ R9, AX
	SHLQ $1, AX
	ORQ prev-8(SP), AX
	NOTQ AX
	ANDQ R9, AX
	MOVQ R9, DX
	SHRQ $63, DX
	MOVQ DX, prev-8(SP)      // prev for the next word
	// The starts before dropTo are dropped, without a branch (whether
	// a stamp reached into this word is not predictable): CX is
	// max(0, dropTo-base), and 64 or more drops them all.
	MOVQ R13, CX
	SUBQ R8, CX
	XORL DX, DX
	TESTQ CX, CX
	CMOVQLT DX, CX
	MOVQ $-1, DX
	SHLQ CX, DX
	XORL R14, R14
	CMPQ CX, $64
	CMOVQCC R14, DX
	ANDQ DX, AX

dstarts:
	TESTQ AX, AX
	JZ dnext

drun:
	BSFQ AX, CX              // off
	LEAQ -1(AX), DX
	ANDQ DX, AX
	LEAQ (R8)(CX*1), BX      // p
	MOVQ R9, R11
	SHRQ CX, R10, R11        // dd = d>>off | dn<<(64-off)

	// A chat timestamp?
	TESTQ $1, 72(R15)        // digitStamps
	JZ dtoken
	MOVQ R11, DX
	ANDQ $0x1FFFF, DX
	CMPQ DX, $0x1B3DB        // stampDigits
	JNE dtoken
	TESTQ BX, BX
	JLE dtoken
	LEAQ 28(BX), DX          // chatStampSpan
	CMPQ DX, 24(R15)
	JGT dtoken
	MOVQ (DI)(BX*1), DX      // "12/03/20"
	MOVQ $0x0000FF0000FF0000, R14
	ANDQ R14, DX
	MOVQ $0x00002F00002F0000, R14
	CMPQ DX, R14
	JNE dtoken
	MOVQ 8(DI)(BX*1), DX     // "21, 09:1"
	MOVQ $0x00FF0000FFFF0000, R14
	ANDQ R14, DX
	MOVQ $0x003A0000202C0000, R14
	CMPQ DX, R14
	JNE dtoken
	MOVQ 96(R15), R14        // tokenBoundary
	MOVBLZX -1(DI)(BX*1), DX
	CMPB (R14)(DX*1), $0
	JEQ dtoken
	MOVL $17, CX             // "DD:DD" ends at p+17
	CMPB 17(DI)(BX*1), $0x3A // ':' then the seconds
	JNE dstampend
	MOVBLZX 18(DI)(BX*1), DX
	SUBL $0x30, DX
	CMPL DX, $10
	JAE dtoken
	MOVBLZX 19(DI)(BX*1), DX
	SUBL $0x30, DX
	CMPL DX, $10
	JAE dtoken
	MOVL $20, CX

dstampend:
	ADDQ BX, CX              // the stamp's end
	MOVBLZX (DI)(CX*1), DX
	CMPB (R14)(DX*1), $0
	JEQ dtoken

ddrop:
	// CX is the end of a stamp or of a sender's number: dropTo, and
	// the word's starts before it are dropped.
	MOVQ CX, R13             // dropTo
	SUBQ R8, CX
	MOVQ $-1, DX
	SHLQ CX, DX
	XORL R14, R14
	CMPQ CX, $64
	CMOVQCC R14, DX          // 64 or more: all of them
	ANDQ DX, AX
	JMP dcont

dtoken:
	// A run of one or two digits followed by ':' or '/' may start a
	// clock time or a date: undecided.
	// (digitRunsGo skips the test for a run of three digits or more,
	// whose second and third bytes are digits: not tested here, as
	// whether a run is that long is not predictable.)
	TESTQ $2, 72(R15)        // digitTokens
	JZ dend

dsep:
	LEAQ 1(BX), DX
	CMPQ DX, 24(R15)
	JGE dend
	MOVBLZX 1(DI)(BX*1), DX
	CMPB DX, $0x3A
	JEQ dundec0
	CMPB DX, $0x2F
	JEQ dundec0
	LEAQ 2(BX), DX
	CMPQ DX, 24(R15)
	JGE dend
	MOVBLZX 2(DI)(BX*1), DX
	CMPB DX, $0x3A
	JEQ dundec0
	CMPB DX, $0x2F
	JEQ dundec0

dend:
	// re = p + the run's length, when dd and the known digits hold its end.
	MOVQ R11, DX
	NOTQ DX
	BSFQ DX, R14
	JZ dundec0
	ADDQ BX, R14             // re
	CMPQ R14, 40(R15)
	JGE dundec0
	CMPQ BX, $10             // senderBack
	JLT dundec
	LEAQ 1(R14), DX
	CMPQ DX, 24(R15)
	JGE dundec
	// A '+' one, four or nine bytes before it: maybe the first, second
	// or third run of a chat sender's number.
	CMPB -1(DI)(BX*1), $0x2B
	JEQ dplus1
	CMPB -4(DI)(BX*1), $0x2B
	JEQ dplus4
	CMPB -9(DI)(BX*1), $0x2B
	JEQ dplus9

dclasses:
	// The classes before and after.
	MOVQ 88(R15), CX         // byteClasses
	MOVBLZX -1(DI)(BX*1), DX
	MOVBLZX (CX)(DX*1), DX   // before
	CMPL DX, $4              // ClassDigit
	JEQ dundec
	MOVBLZX (DI)(R14*1), R11
	MOVBLZX (CX)(R11*1), R11 // after
	// A ':' or '/' class beside it (ClassSlash 8, ClassColon 9) makes
	// it part of a token unless it is a lone run.
	LEAL -8(DX), CX
	CMPL CX, $2
	JB dsides
	LEAL -8(R11), CX
	CMPL CX, $2
	JB dsides
	JMP dshape

dsides:
	MOVBLZX -1(DI)(BX*1), CX
	CMPB CX, $0x3A
	JEQ dsides1
	CMPB CX, $0x2F
	JNE dsides2

dsides1:
	MOVBLZX -2(DI)(BX*1), CX
	SUBL $0x30, CX
	CMPL CX, $10
	JB dundec

dsides2:
	MOVBLZX (DI)(R14*1), CX
	CMPB CX, $0x3A
	JEQ dsides3
	CMPB CX, $0x2F
	JNE dshape

dsides3:
	MOVBLZX 1(DI)(R14*1), CX
	SUBL $0x30, CX
	CMPL CX, $10
	JB dundec

dshape:
	// index: v*numShapes + (min(len, 15)*16 + before)*16 + after, v:
	// a digit two before (2), a digit two after (1), or else an ASCII
	// letter two after (upper case 4, lower case 8).
	MOVQ R14, CX
	SUBQ BX, CX
	CMPQ CX, $15
	JLE dshape1
	MOVL $15, CX

dshape1:
	SHLQ $4, CX
	ADDQ DX, CX
	SHLQ $4, CX
	ADDQ R11, CX
	// The variant's bits from the bytes two before and two after
	// (digitVariant), without a branch.
	MOVQ 128(R15), R11
	MOVBLZX -2(DI)(BX*1), DX
	MOVBLZX (R11)(DX*1), DX
	SHLQ $12, DX             // numShapes
	ADDQ DX, CX
	MOVBLZX 1(DI)(R14*1), DX
	MOVBLZX 256(R11)(DX*1), DX
	SHLQ $12, DX
	ADDQ DX, CX

dshape3:
	MOVQ 80(R15), DX
	MOVBLZX (DX)(CX*1), DX   // the gate's palette index (0: no member)
	MOVQ R14, 64(R15)        // lastE
	MOVQ 120(R15), R11
	MOVQ (R11)(DX*8), R11    // the mask
	// The record is written whatever the mask, and kept (R12 moved
	// past it) when some member accepts the run: no branch on it.
	MOVL BX, 0(R12)
	MOVL R14, 4(R12)
	MOVQ R11, 8(R12)
	NEGL DX                  // CF: the index is not 0
	SBBQ DX, DX
	ANDQ $16, DX
	ADDQ DX, R12
	JMP dcont

dplus1:
	// A chat sender's number "+DD DDDD DDDDDD: " after a space or a
	// line break (senderAt), with digitSenders: the records of its runs
	// from this one at once (kept when their masks, digitArgs.sender,
	// are not 0), and the starts up to its end dropped.
	LEAQ -1(BX), R11         // q: the '+'
	SENDER_CHECK
	SENDER_RUN(1, 3, 136)
	JMP dsent4

dplus4:
	LEAQ -4(BX), R11
	SENDER_CHECK

dsent4:
	SENDER_RUN(4, 8, 144)
	JMP dsent9

dplus9:
	LEAQ -9(BX), R11
	SENDER_CHECK

dsent9:
	SENDER_RUN(9, 15, 152)
	LEAQ 15(R11), CX         // the end of its last run
	MOVQ CX, 64(R15)         // lastE
	JMP ddrop

dundec0:
	XORQ R14, R14

dundec:
	MOVL BX, 0(R12)
	MOVL R14, 4(R12)
	MOVQ $0, 8(R12)
	ADDQ $16, R12

dcont:
	TESTQ AX, AX
	JNZ drun

dnext:
	ADDQ $8, SI
	ADDQ $64, R8
	JMP dword

dzero:
	MOVQ $0, prev-8(SP)
	ADDQ $8, SI
	ADDQ $64, R8
	JMP dword

ddone:
	MOVQ prev-8(SP), DX
	MOVQ DX, 48(R15)
	MOVQ R13, 56(R15)
	MOVQ R12, 112(R15)
	RET

// WORD_BYTES_N sets CX to 0x80 at each byte of R13 that is not a word
// byte (an ASCII letter or digit): wordBytes. Clobbers DX, SI and R14.
#define WORD_BYTES_N \
	MOVQ $0x7F7F7F7F7F7F7F7F, DX \
	ANDQ R13, DX \
	MOVQ $0x5050505050505050, CX \
	ADDQ DX, CX \
	MOVQ $0x4646464646464646, SI \
	ADDQ DX, SI \
	NOTQ SI \
	ANDQ SI, CX \
	MOVQ $0x2020202020202020, SI \
	ORQ SI, DX \
	MOVQ $0x1F1F1F1F1F1F1F1F, SI \
	ADDQ DX, SI \
	MOVQ $0x0505050505050505, R14 \
	ADDQ DX, R14 \
	NOTQ R14 \
	ANDQ R14, SI \
	ORQ SI, CX \
	MOVQ R13, DX \
	NOTQ DX \
	ANDQ DX, CX \
	MOVQ $0x8080808080808080, DX \
	ANDQ DX, CX \
	NOTQ CX \
	ANDQ DX, CX

// CUE_PAIRS sets AX to the candidates of the block of 32 bytes at
// view[pos] (DI the view): the pairs the nibble tables accept; and R11
// to its word bytes (ASCII letters and digits). Clobbers Y0-Y3 and Y15;
// uses the constants cueScanAMD64 sets up.
#define CUE_PAIRS(pos) \
	VMOVDQU (DI)(pos*1), Y0 \
	VMOVDQU 1(DI)(pos*1), Y1 \
	VPOR Y4, Y0, Y2 \
	VPSUBB Y5, Y2, Y2 \
	VPMINUB Y6, Y2, Y3 \
	VPCMPEQB Y2, Y3, Y2 \
	VPSUBB Y7, Y0, Y3 \
	VPMINUB Y14, Y3, Y15 \
	VPCMPEQB Y3, Y15, Y3 \
	VPOR Y2, Y3, Y2 \
	VPMOVMSKB Y2, R11 \
	SHUFTI_MASK

// CUE_STARTS keeps in AX, the candidates of up to 64 positions from
// view[pos] whose word bytes are in R11, the word starts (the byte
// before is not a word byte; view[pos-1] must exist) before
// view[pos+len], len <= 64. Clobbers CX, DX and R11.
#define CUE_STARTS(pos, len) \
	MOVQ 56(R15), CX \
	MOVBLZX -1(DI)(pos*1), DX \
	MOVBLZX (CX)(DX*1), DX \
	SUBL $2, DX \
	CMPL DX, $3 \
	SETCS DX \
	MOVBLZX DX, DX \
	MOVQ R11, CX \
	SHLQ $1, CX \
	ORQ DX, CX \
	NOTQ CX \
	ANDQ R11, CX \
	ANDQ CX, AX \
	MOVQ len, CX \
	MOVQ $1, DX \
	SHLQ CX, DX \
	DECQ DX \
	MOVQ $-1, R11 \
	CMPQ CX, $64 \
	CMOVQCC R11, DX \
	ANDQ DX, AX

// CUE_CAND writes the record of the word start j (BX) of the segment
// in R10 (0 or 1<<48): j | slot<<32 | segment<<48 | n<<52, n the run of
// word bytes at j up to 8 (from the eight bytes at j), and keeps it
// (R12 moved past it) when the head's slot holds the key: no branch.
// Clobbers CX, DX, SI, R11, R13 and R14.
#define CUE_CAND \
	MOVQ (DI)(BX*1), R13 \
	WORD_BYTES_N \
	TZCNTQ CX, R14 \
	SHRL $3, R14 \
	MOVQ $0x2020202020202020, DX \
	ORQ DX, R13 \
	LEAQ (R14*8), CX \
	MOVQ $1, DX \
	SHLQ CX, DX \
	DECQ DX \
	MOVQ $-1, CX \
	CMPL R14, $8 \
	CMOVQEQ CX, DX \
	ANDQ DX, R13 \
	MOVQ R13, DX \
	IMULQ 72(R15), DX \
	MOVQ 80(R15), CX \
	SHRQ CX, DX \
	MOVQ 64(R15), SI \
	MOVQ DX, CX \
	SHLQ $4, CX \
	SHLQ $32, DX \
	ORQ BX, DX \
	ORQ R10, DX \
	SHLQ $52, R14 \
	ORQ R14, DX \
	MOVQ DX, (R12) \
	XORL DX, DX \
	CMPQ R13, (SI)(CX*1) \
	SETEQ DX \
	LEAQ (R12)(DX*8), R12

// func cueScanAMD64(a *cueArgs)
//
// cueScanGo in assembly. Registers: R15 the frame, DI the view, R8 the
// block's first position, R9 the segment's end, R10 the segment (0, 1),
// R12 the next record, AX the candidates of the block, BX a candidate;
// CX, DX, R11, R13, R14 scratch. Y8-Y13 shufti (SHUFTI_SETUP), Y4-Y7 and
// Y14 the word-byte test.
TEXT ·cueScanAMD64(SB), NOSPLIT, $8-8
	MOVQ a+0(FP), R15
	MOVQ 0(R15), DI          // view
	MOVQ 48(R15), DX         // nibble tables
	SHUFTI_SETUP
	MOVL $0x20202020, AX
	MOVL AX, X4
	VPBROADCASTD X4, Y4      // the case bit
	MOVL $0x61616161, AX
	MOVL AX, X5
	VPBROADCASTD X5, Y5      // 'a'
	MOVL $0x19191919, AX
	MOVL AX, X6
	VPBROADCASTD X6, Y6      // 25
	MOVL $0x30303030, AX
	MOVL AX, X7
	VPBROADCASTD X7, Y7      // '0'
	MOVL $0x09090909, AX
	MOVL AX, X14
	VPBROADCASTD X14, Y14    // 9
	MOVQ 88(R15), R12        // out

	// The fast paths, for segments of at most 32 bytes (cue radius 32
	// or less: a block each, their candidates in one word, segment 1 in
	// the high half) or at most 64 (two blocks each, a word per
	// segment), with a byte before the first, eight readable bytes from
	// any position of the second's blocks, and room for 64 records (at
	// most 32 word starts in 64 bytes). One loop over the candidates
	// (two for 64) writes every candidate's record and keeps the ones
	// whose head is in the table, without a branch on it. The general
	// path's block and segment loops, and its choice between two ways
	// to find a run's length, were mispredicted about twice per call.
	MOVQ 16(R15), R8         // lo0
	TESTQ R8, R8
	JZ cgeneral
	MOVQ 32(R15), R9         // lo1
	MOVQ 104(R15), DX        // outLimit
	SUBQ R12, DX
	CMPQ DX, $240            // (64-34)*8
	JLT cgeneral
	MOVQ 24(R15), R10
	SUBQ R8, R10             // len0
	MOVQ 40(R15), BX
	SUBQ R9, BX              // len1
	MOVQ R10, CX
	CMPQ BX, CX
	CMOVQGT BX, CX           // the longer
	CMPQ CX, $32
	JA cfast64
	LEAQ 40(R9), DX
	CMPQ DX, 8(R15)
	JGT cgeneral
	CUE_PAIRS(R8)
	CUE_STARTS(R8, R10)
	MOVQ AX, R10             // segment 0's candidates
	CUE_PAIRS(R9)
	CUE_STARTS(R9, BX)
	SHLQ $32, AX
	ORQ R10, AX

fcand:
	TESTQ AX, AX
	JZ fdone
	BSFQ AX, CX
	LEAQ -1(AX), DX
	ANDQ DX, AX
	MOVQ CX, R10
	SHRQ $5, R10             // the segment
	ANDL $31, CX
	MOVQ R8, BX
	TESTQ R10, R10
	CMOVQNE R9, BX
	ADDQ CX, BX              // j
	SHLQ $48, R10
	CUE_CAND
	JMP fcand

cfast64:
	CMPQ CX, $64
	JA cgeneral
	LEAQ 72(R9), DX
	CMPQ DX, 8(R15)
	JGT cgeneral
	// Segment 1's candidates, kept aside, then segment 0's.
	CUE_PAIRS(R9)
	MOVL AX, R10
	MOVL R11, R13
	LEAQ 32(R9), R14
	CUE_PAIRS(R14)
	SHLQ $32, AX
	ORQ R10, AX
	SHLQ $32, R11
	ORQ R13, R11
	CUE_STARTS(R9, BX)
	MOVQ AX, c1-8(SP)
	CUE_PAIRS(R8)
	MOVL AX, R10
	MOVL R11, R13
	LEAQ 32(R8), R14
	CUE_PAIRS(R14)
	SHLQ $32, AX
	ORQ R10, AX
	SHLQ $32, R11
	ORQ R13, R11
	MOVQ 24(R15), R14
	SUBQ R8, R14             // len0
	CUE_STARTS(R8, R14)
	XORL R10, R10            // segment 0

f64cand:
	TESTQ AX, AX
	JZ f64next
	BSFQ AX, CX
	LEAQ -1(AX), DX
	ANDQ DX, AX
	LEAQ (R8)(CX*1), BX      // j
	CUE_CAND
	JMP f64cand

f64next:
	TESTQ R10, R10
	JNZ fdone
	MOVQ $0x1000000000000, R10 // segment 1
	MOVQ R9, R8
	MOVQ c1-8(SP), AX
	JMP f64cand

fdone:
	MOVQ R12, 96(R15)        // outEnd
	VZEROUPPER
	RET

cgeneral:
	XORQ R10, R10

cseg:
	MOVQ R10, DX
	SHLQ $4, DX
	MOVQ 16(R15)(DX*1), R8   // lo
	MOVQ 24(R15)(DX*1), R9   // hi

cblock:
	CMPQ R8, R9
	JGE cnextseg
	// Room for a block's records and the two fallbacks?
	MOVQ 104(R15), DX        // outLimit
	CMPQ R12, DX
	JAE cfallback
	LEAQ 33(R8), DX
	CMPQ DX, 8(R15)
	JGT cfallback            // the block and the byte after it must be in the view
	VMOVDQU (DI)(R8*1), Y0
	VMOVDQU 1(DI)(R8*1), Y1
	// Word bytes: letters ((b|0x20)-'a' <= 25) and digits (b-'0' <= 9).
	VPOR Y4, Y0, Y2
	VPSUBB Y5, Y2, Y2
	VPMINUB Y6, Y2, Y3
	VPCMPEQB Y2, Y3, Y2
	VPSUBB Y7, Y0, Y3
	VPMINUB Y14, Y3, Y15
	VPCMPEQB Y3, Y15, Y3
	VPOR Y2, Y3, Y2
	VPMOVMSKB Y2, R11        // W
	SHUFTI_MASK              // AX: the pairs that may begin a cue
	// Word starts: W &^ (W<<1 | the byte before the block is a word byte).
	XORL DX, DX
	TESTQ R8, R8
	JZ cstart
	MOVQ 56(R15), CX         // byteClasses
	MOVBLZX -1(DI)(R8*1), DX
	MOVBLZX (CX)(DX*1), DX
	SUBL $2, DX              // ClassUpper, ClassLower, ClassDigit: 2, 3, 4
	CMPL DX, $3
	SETCS DX
	MOVBLZX DX, DX

cstart:
	MOVL R11, CX
	SHLL $1, CX
	ORL DX, CX
	NOTL CX
	ANDL R11, CX
	ANDL CX, AX
	// Positions at and past the segment's end are not candidates.
	MOVQ R9, CX
	SUBQ R8, CX
	CMPQ CX, $32
	JGE ccand
	MOVL $1, DX
	SHLL CX, DX
	DECL DX
	ANDL DX, AX

ccand:
	TESTL AX, AX
	JZ cnextblock
	BSFL AX, CX
	LEAL -1(AX), DX
	ANDL DX, AX
	LEAQ (R8)(CX*1), BX      // j
	LEAQ 8(BX), DX
	CMPQ DX, 8(R15)
	JGT cposfallback
	MOVQ (DI)(BX*1), R13     // u
	// The run of word bytes at j: its length n, up to 8. From the
	// block's word bytes (R11) when its eight bytes are in the block.
	CMPL CX, $24
	JA cswar
	MOVL R11, DX
	SHRL CX, DX
	NOTL DX
	ORL $0x100, DX
	TZCNTL DX, R14           // n
	JMP cmask

cswar:
	WORD_BYTES_N
	MOVL $8, R14
	BSFQ CX, CX
	JZ cmask
	MOVL CX, R14
	SHRL $3, R14             // n: the first of them (bit 8n+7)

cmask:
	// key: u folded to lower case, cut to n bytes.
	MOVQ $0x2020202020202020, DX
	ORQ DX, R13
	CMPL R14, $8
	JAE chash
	MOVL R14, CX
	SHLL $3, CX
	MOVQ $1, DX
	SHLQ CX, DX
	DECQ DX
	ANDQ DX, R13

chash:
	MOVQ R13, DX
	IMULQ 72(R15), DX        // * mul
	MOVQ 80(R15), CX
	SHRQ CX, DX              // >> shift: the slot
	MOVQ 64(R15), SI         // heads
	MOVQ DX, CX
	SHLQ $4, CX
	CMPQ R13, (SI)(CX*1)
	JNE ccand
	// Record: j | slot<<32 | segment<<48 | n<<52.
	SHLQ $32, DX
	ORQ BX, DX
	MOVQ R10, CX
	SHLQ $48, CX
	ORQ CX, DX
	SHLQ $52, R14
	ORQ R14, DX
	MOVQ DX, (R12)
	ADDQ $8, R12
	JMP ccand

cposfallback:
	// Too near the view's end for an eight-byte read: slot 0xFFFF.
	MOVQ $0xFFFF, DX
	SHLQ $32, DX
	ORQ BX, DX
	MOVQ R10, CX
	SHLQ $48, CX
	ORQ CX, DX
	MOVQ DX, (R12)
	ADDQ $8, R12
	JMP ccand

cnextblock:
	ADDQ $32, R8
	JMP cblock

cfallback:
	// The rest of the segment from R8 for the scalar scan: slot 0xFFFE.
	MOVQ $0xFFFE, DX
	SHLQ $32, DX
	ORQ R8, DX
	MOVQ R10, CX
	SHLQ $48, CX
	ORQ CX, DX
	MOVQ DX, (R12)
	ADDQ $8, R12

cnextseg:
	INCQ R10
	CMPQ R10, $2
	JLT cseg
	MOVQ R12, 96(R15)        // outEnd
	VZEROUPPER
	RET
