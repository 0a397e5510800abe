//! The state of a running program's memory: `stack_bytes`, `heap_bytes`, `stack_length`,
//! which bytes have been written, the allocator's table of blocks and the frames. The machine
//! changes it while it runs and the trace replays the same changes to rebuild any step.

use crate::maps::SortedMap;

use crate::event::Region;

/// One flag per byte, packed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
}

impl Bits {
    pub fn with_len(n: usize) -> Bits {
        Bits {
            words: vec![0; n.div_ceil(64)],
        }
    }

    pub fn get(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Sets flags `start..end` to `value`, a whole word at a time; flags past the end of
    /// the array are ignored.
    #[inline]
    pub fn set_range(&mut self, start: usize, end: usize, value: bool) {
        let end = end.min(self.words.len() * 64);
        if start >= end {
            return;
        }
        if end - start <= 64 {
            // The common case: a few flags, in one word or spilling into the next.
            let (w, sh, n) = (start / 64, (start % 64) as u32, (end - start) as u32);
            let bits = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
            let lo = bits << sh;
            let hi = if sh + n > 64 { bits >> (64 - sh) } else { 0 };
            if value {
                self.words[w] |= lo;
                if hi != 0 {
                    self.words[w + 1] |= hi;
                }
            } else {
                self.words[w] &= !lo;
                if hi != 0 {
                    self.words[w + 1] &= !hi;
                }
            }
            return;
        }
        let (first, last) = (start / 64, (end - 1) / 64);
        for w in first..=last {
            // The bits of word `w` inside the range: `lo..hi`.
            let lo = if w == first { start % 64 } else { 0 };
            let hi = if w == last { (end - 1) % 64 + 1 } else { 64 };
            let mask = if hi - lo == 64 {
                u64::MAX
            } else {
                ((1u64 << (hi - lo)) - 1) << lo
            };
            if value {
                self.words[w] |= mask;
            } else {
                self.words[w] &= !mask;
            }
        }
    }

    /// Sets flags `start..start + n` (`n <= 64`) to true, as `set_range` does: in the one or
    /// two words they fall in.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn set_small(&mut self, start: usize, n: u32) {
        let w = start / 64;
        let sh = (start % 64) as u32;
        let bits = if n == 0 {
            0
        } else {
            u64::MAX >> (64 - n.min(64))
        };
        if let Some(x) = self.words.get_mut(w) {
            *x |= bits << sh;
        }
        // The flags that spill into the next word.
        if sh + n > 64 {
            if let Some(x) = self.words.get_mut(w + 1) {
                *x |= bits >> (64 - sh);
            }
        }
    }

    /// Sets flags `start..start + n` for `n` from 1 to 8 (a scalar's bytes), as `set_small`
    /// does.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn set_few(&mut self, start: usize, n: u32) {
        let w = start / 64;
        let sh = (start % 64) as u32;
        let bits = 0xFFu64 >> ((8 - n) & 7);
        if let Some(x) = self.words.get_mut(w) {
            *x |= bits << sh;
        }
        // The flags that spill into the next word.
        if sh + n > 64 {
            if let Some(x) = self.words.get_mut(w + 1) {
                *x |= bits >> (64 - sh);
            }
        }
    }

    /// Sets flags `start..end` to false, as `set_range` does; inline for the common case of
    /// at most 64 flags within the array (a frame's or a local's bytes).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn clear_range(&mut self, start: usize, end: usize) {
        let n = end.wrapping_sub(start);
        if n == 0 || n > 64 {
            if start < end {
                self.set_range(start, end, false);
            }
            return;
        }
        let (w, sh) = (start / 64, (start % 64) as u32);
        let bits = u64::MAX >> (64 - n as u32);
        if let Some(x) = self.words.get_mut(w) {
            *x &= !(bits << sh);
        } else {
            return;
        }
        // The flags that spill into the next word.
        if sh as usize + n > 64 {
            if let Some(x) = self.words.get_mut(w + 1) {
                *x &= !(bits >> (64 - sh));
            }
        }
    }

    /// A copy of the first `n` flags (rounded up to whole words).
    pub fn prefix(&self, n: usize) -> Bits {
        Bits {
            words: self.words[..n.div_ceil(64).min(self.words.len())].to_vec(),
        }
    }

    /// Restores from a prefix copy, clearing the rest.
    pub fn restore(&mut self, from: &Bits) {
        self.words[..from.words.len()].copy_from_slice(&from.words);
        for w in self.words[from.words.len()..].iter_mut() {
            *w = 0;
        }
    }
}

/// `dst.copy_from_slice(src)`, with fixed-size copies for the common scalar sizes (a
/// variable-length copy is a call to `memcpy`, slow for a few bytes).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub fn copy_small(dst: &mut [u8], src: &[u8]) {
    match (dst, src) {
        (d @ [_], s @ [_]) => d.copy_from_slice(s),
        (d @ [_, _], s @ [_, _]) => d.copy_from_slice(s),
        (d @ [_, _, _, _], s @ [_, _, _, _]) => d.copy_from_slice(s),
        (d @ [_, _, _, _, _, _, _, _], s @ [_, _, _, _, _, _, _, _]) => d.copy_from_slice(s),
        (d, s) => d.copy_from_slice(s),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub size: u32,
    pub align: u32,
    pub freed: bool,
    pub label: u32,
    pub alloc_step: u64,
    pub alloc_site: u32,
    pub free_step: u64,
    pub free_site: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameRec {
    pub func: u32,
    pub base: u32,
    pub slot: u32,
    pub slot_size: u32,
    /// The last step site this frame ran (`u32::MAX` before its first).
    pub site: u32,
    /// Where the caller goes on after the call (`u32::MAX` for `main`), and its frame base.
    pub ret_pc: u32,
    pub ret_fb: u32,
    /// How many registers the caller had and where the frame's ownership flags start.
    pub regs_base: u32,
    pub flags_base: u32,
}

impl FrameRec {
    pub fn new(func: u32, base: u32, slot: u32, slot_size: u32) -> FrameRec {
        FrameRec {
            func,
            base,
            slot,
            slot_size,
            site: u32::MAX,
            ret_pc: u32::MAX,
            ret_fb: 0,
            regs_base: 0,
            flags_base: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemState {
    pub stack: Vec<u8>,
    pub heap: Vec<u8>,
    pub stack_init: Bits,
    pub heap_init: Bits,
    pub stack_length: u32,
    /// Live blocks, and freed blocks whose bytes no later block has taken, by address and
    /// then by allocation number (two live blocks can share an address only after an
    /// unchecked double free).
    pub blocks: SortedMap<(u32, u32), Block>,
    /// The number the next allocation gets.
    pub next_block: u32,
    /// At least the size of every block in the table (how far back from an address a block
    /// can start and still reach it).
    pub largest_block: u32,
    /// Bytes in live blocks.
    pub live_bytes: u32,
    pub frames: Vec<FrameRec>,
    /// Locals whose value has been moved out (their bytes stay as they were), as (frame,
    /// local): in frame order, as only the top frame moves its locals.
    pub moved: Vec<(u32, u32)>,
    pub output_len: usize,
    /// Bytes of `eprint!` output so far.
    pub stderr_len: usize,
    /// Steps run so far.
    pub step: u64,
    /// Site of the step running now.
    pub site: u32,
    /// Highest stack and heap bytes ever touched (what checkpoints must keep).
    pub stack_high: u32,
    pub heap_high: u32,
}

impl MemState {
    pub fn new(stack_size: u32, heap_size: u32) -> MemState {
        MemState {
            stack: vec![0; stack_size as usize],
            heap: vec![0; heap_size as usize],
            stack_init: Bits::with_len(stack_size as usize),
            heap_init: Bits::with_len(heap_size as usize),
            stack_length: 0,
            blocks: SortedMap::new(),
            next_block: 0,
            largest_block: 0,
            live_bytes: 0,
            frames: Vec::new(),
            moved: Vec::new(),
            output_len: 0,
            stderr_len: 0,
            step: 0,
            site: u32::MAX,
            stack_high: 0,
            heap_high: 0,
        }
    }

    pub fn bytes(&self, region: Region) -> &[u8] {
        match region {
            Region::Stack => &self.stack,
            Region::Heap => &self.heap,
        }
    }

    pub fn write(&mut self, region: Region, addr: u32, bytes: &[u8]) {
        let a = addr as usize;
        let end = a + bytes.len();
        match region {
            Region::Stack => {
                if end <= self.stack.len() {
                    copy_small(&mut self.stack[a..end], bytes);
                    self.stack_init.set_range(a, end, true);
                    self.stack_high = self.stack_high.max(end as u32);
                }
            }
            Region::Heap => {
                if end <= self.heap.len() {
                    copy_small(&mut self.heap[a..end], bytes);
                    self.heap_init.set_range(a, end, true);
                    self.heap_high = self.heap_high.max(end as u32);
                }
            }
        }
    }

    /// `write` of the low `size` bytes (`size <= 8`) of `value`, little-endian, without
    /// a variable-length copy: where eight bytes fit, a read-modify-write of eight bytes.
    #[inline]
    pub fn write_scalar(&mut self, region: Region, addr: u32, value: u64, size: u32) {
        let (bytes, init, high) = match region {
            Region::Stack => (&mut self.stack, &mut self.stack_init, &mut self.stack_high),
            Region::Heap => (&mut self.heap, &mut self.heap_init, &mut self.heap_high),
        };
        let a = addr as usize;
        let n = size.min(8);
        let end = a + n as usize;
        match bytes
            .get_mut(a..a + 8)
            .and_then(|s| <&mut [u8; 8]>::try_from(s).ok())
        {
            Some(word) if n > 0 => {
                let shift = 64 - 8 * n;
                let mask = u64::MAX >> shift;
                let old = u64::from_le_bytes(*word);
                *word = ((old & !mask) | (value & mask)).to_le_bytes();
            }
            _ => match bytes.get_mut(a..end) {
                Some(dst) => dst.copy_from_slice(&value.to_le_bytes()[..n as usize]),
                None => return,
            },
        }
        init.set_small(a, n);
        *high = (*high).max(end as u32);
    }

    pub fn copy(&mut self, from_region: Region, from: u32, to_region: Region, to: u32, len: u32) {
        let (f, l) = (from as usize, len as usize);
        let src = self.bytes(from_region);
        if f + l > src.len() {
            return;
        }
        let buf = src[f..f + l].to_vec();
        // Bytes never written (a struct's padding) stay unwritten in the copy.
        let bits = match from_region {
            Region::Stack => &self.stack_init,
            Region::Heap => &self.heap_init,
        };
        let unwritten: Vec<usize> = (0..l).filter(|&k| !bits.get(f + k)).collect();
        self.write(to_region, to, &buf);
        let dst = match to_region {
            Region::Stack => &mut self.stack_init,
            Region::Heap => &mut self.heap_init,
        };
        for k in unwritten {
            let a = to as usize + k;
            dst.set_range(a, a + 1, false);
        }
    }

    /// Records a new block at `addr` and returns its allocation number.
    pub fn alloc(&mut self, addr: u32, size: u32, align: u32, label: u32) -> u32 {
        let end = addr + size;
        // Freed blocks whose bytes the new block takes leave the table (only blocks that
        // start at most `largest_block` bytes before it can reach it).
        let from = addr.saturating_sub(self.largest_block.max(1));
        let overlapping: Vec<(u32, u32)> = self
            .blocks
            .range((from, 0)..(end, 0))
            .filter(|(k, b)| b.freed && k.0 + b.size.max(1) > addr)
            .map(|(k, _)| *k)
            .collect();
        for k in overlapping {
            self.blocks.remove(&k);
        }
        self.heap_init.set_range(addr as usize, end as usize, false);
        self.heap_high = self.heap_high.max(end);
        let (step, site) = (self.step, self.site);
        let id = self.next_block;
        self.next_block += 1;
        self.largest_block = self.largest_block.max(size);
        self.live_bytes += size;
        self.blocks.insert(
            (addr, id),
            Block {
                size,
                align,
                freed: false,
                label,
                alloc_step: step,
                alloc_site: site,
                free_step: 0,
                free_site: u32::MAX,
            },
        );
        id
    }

    /// The block a free of `addr` releases: the newest live block starting there, or else
    /// the newest freed one still in the table.
    pub fn block_at(&self, addr: u32) -> Option<(u32, &Block)> {
        let mut found: Option<(u32, &Block)> = None;
        for ((_, id), b) in self.blocks.range((addr, 0)..=(addr, u32::MAX)) {
            if found.is_none_or(|(_, f)| f.freed || !b.freed) {
                found = Some((*id, b));
            }
        }
        found
    }

    /// Frees the block `block_at(addr)` names. Freeing a freed block again (an unchecked
    /// double free) changes nothing in the table.
    pub fn dealloc(&mut self, addr: u32) {
        let (step, site) = (self.step, self.site);
        let Some((id, _)) = self.block_at(addr) else {
            return;
        };
        if let Some(b) = self.blocks.get_mut(&(addr, id)) {
            if !b.freed {
                b.freed = true;
                b.free_step = step;
                b.free_site = site;
                self.live_bytes -= b.size;
            }
        }
    }

    /// Whether local `local` of frame `frame` has had its value moved out.
    pub fn is_moved(&self, frame: u32, local: u32) -> bool {
        self.moved.contains(&(frame, local))
    }

    /// Records that local `local` of the top frame lost (or got back) its value.
    pub fn set_moved(&mut self, local: u32, moved: bool) {
        let frame = self.frames.len().saturating_sub(1) as u32;
        match (self.moved.iter().position(|&m| m == (frame, local)), moved) {
            (None, true) => self.moved.push((frame, local)),
            (Some(i), false) => {
                self.moved.remove(i);
            }
            _ => {}
        }
    }

    /// Forgets the moved locals of frames that are gone (at and above `frames`).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn forget_moved(&mut self, frames: usize) {
        while self
            .moved
            .last()
            .is_some_and(|&(f, _)| f as usize >= frames)
        {
            self.moved.pop();
        }
    }

    pub fn relabel(&mut self, addr: u32, label: u32) {
        if let Some((id, b)) = self.block_at(addr) {
            if !b.freed {
                if let Some(b) = self.blocks.get_mut(&(addr, id)) {
                    b.label = label;
                }
            }
        }
    }

    /// A copy that keeps only the bytes ever touched, for a checkpoint.
    pub fn snapshot(&self) -> MemState {
        let sh = self.stack_high as usize;
        let hh = self.heap_high as usize;
        MemState {
            stack: self.stack[..sh].to_vec(),
            heap: self.heap[..hh].to_vec(),
            stack_init: self.stack_init.prefix(sh),
            heap_init: self.heap_init.prefix(hh),
            blocks: self.blocks.clone(),
            frames: self.frames.clone(),
            moved: self.moved.clone(),
            ..*self.clone_scalars()
        }
    }

    fn clone_scalars(&self) -> Box<MemState> {
        Box::new(MemState {
            stack: Vec::new(),
            heap: Vec::new(),
            stack_init: Bits::default(),
            heap_init: Bits::default(),
            stack_length: self.stack_length,
            blocks: SortedMap::new(),
            next_block: self.next_block,
            largest_block: self.largest_block,
            live_bytes: self.live_bytes,
            frames: Vec::new(),
            moved: Vec::new(),
            output_len: self.output_len,
            stderr_len: self.stderr_len,
            step: self.step,
            site: self.site,
            stack_high: self.stack_high,
            heap_high: self.heap_high,
        })
    }

    /// Restores a snapshot into full-size arrays.
    pub fn restore(&mut self, snap: &MemState) {
        let sh = snap.stack.len();
        self.stack[..sh].copy_from_slice(&snap.stack);
        self.stack[sh..].fill(0);
        let hh = snap.heap.len();
        self.heap[..hh].copy_from_slice(&snap.heap);
        self.heap[hh..].fill(0);
        self.stack_init.restore(&snap.stack_init);
        self.heap_init.restore(&snap.heap_init);
        self.stack_length = snap.stack_length;
        self.blocks = snap.blocks.clone();
        self.next_block = snap.next_block;
        self.largest_block = snap.largest_block;
        self.live_bytes = snap.live_bytes;
        self.frames = snap.frames.clone();
        self.moved = snap.moved.clone();
        self.output_len = snap.output_len;
        self.stderr_len = snap.stderr_len;
        self.step = snap.step;
        self.site = snap.site;
        self.stack_high = snap.stack_high;
        self.heap_high = snap.heap_high;
    }

    /// Bytes a snapshot of this state takes.
    pub fn snapshot_bytes(&self) -> usize {
        (self.stack_high as usize + self.heap_high as usize) * 9 / 8
            + self.blocks.len() * 48
            + self.frames.len() * 36
            + self.moved.len() * 8
            + 64
    }

    pub fn read_uint(&self, region: Region, addr: u32, size: u32) -> u64 {
        let bytes = self.bytes(region);
        let a = addr as usize;
        let n = size as usize;
        // Fast path: eight bytes from `addr` lie inside the array; keep the low `n`.
        if n <= 8 {
            if let Some(word) = bytes
                .get(a..a + 8)
                .and_then(|s| <[u8; 8]>::try_from(s).ok())
            {
                let v = u64::from_le_bytes(word);
                return if n == 8 {
                    v
                } else {
                    v & ((1u64 << (8 * n)) - 1)
                };
            }
            match bytes.get(a..a + n) {
                Some(&[b]) => return b as u64,
                Some(&[b0, b1]) => return u16::from_le_bytes([b0, b1]) as u64,
                Some(&[b0, b1, b2, b3]) => return u32::from_le_bytes([b0, b1, b2, b3]) as u64,
                Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                    return u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7])
                }
                _ => {}
            }
        }
        let mut v = 0u64;
        for i in 0..size as usize {
            v |= (*bytes.get(a + i).unwrap_or(&0) as u64) << (8 * i);
        }
        v
    }

    pub fn is_init(&self, region: Region, addr: u32, size: u32) -> bool {
        let bits = match region {
            Region::Stack => &self.stack_init,
            Region::Heap => &self.heap_init,
        };
        (addr..addr + size).all(|i| bits.get(i as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_few_matches_set_range() {
        for start in [0usize, 1, 7, 56, 57, 60, 63, 64, 120, 127, 190, 199] {
            for n in 1..=8u32 {
                let mut fast = Bits::with_len(200);
                let mut slow = fast.clone();
                fast.set_few(start, n);
                slow.set_range(start, start + n as usize, true);
                assert_eq!(fast, slow, "{start} {n}");
            }
        }
    }

    #[test]
    fn set_small_matches_set_range() {
        for start in [0usize, 1, 7, 56, 57, 60, 63, 64, 120, 127, 190, 199] {
            for n in 0..=8u32 {
                let mut fast = Bits::with_len(200);
                let mut slow = fast.clone();
                fast.set_small(start, n);
                slow.set_range(start, start + n as usize, true);
                assert_eq!(fast, slow, "{start} {n}");
            }
        }
    }

    #[test]
    fn write_scalar_and_read_uint_match_byte_writes() {
        for addr in [0u32, 1, 5, 63, 90, 93, 95, 96, 99] {
            for size in [0u32, 1, 2, 4, 8] {
                let mut fast = MemState::new(100, 100);
                let mut slow = fast.clone();
                for st in [&mut fast, &mut slow] {
                    st.stack
                        .iter_mut()
                        .enumerate()
                        .for_each(|(i, b)| *b = i as u8);
                }
                let value = 0x1122_3344_5566_7788u64;
                if addr + size > 100 {
                    continue;
                }
                fast.write_scalar(Region::Stack, addr, value, size);
                slow.write(Region::Stack, addr, &value.to_le_bytes()[..size as usize]);
                assert_eq!(fast, slow, "{addr} {size}");
                let expect = if size == 0 {
                    0
                } else {
                    value & (u64::MAX >> (64 - 8 * size))
                };
                assert_eq!(fast.read_uint(Region::Stack, addr, size), expect);
            }
        }
    }

    #[test]
    fn set_range_matches_bit_by_bit() {
        for start in [0usize, 1, 5, 63, 64, 65, 100, 127, 128, 190] {
            for len in [0usize, 1, 2, 4, 8, 24, 63, 64, 65, 130, 300] {
                for value in [true, false] {
                    let mut fast = Bits::with_len(200);
                    if !value {
                        fast.words.iter_mut().for_each(|w| *w = u64::MAX);
                    }
                    let mut slow = fast.clone();
                    fast.set_range(start, start + len, value);
                    for i in start..(start + len).min(slow.words.len() * 64) {
                        if value {
                            slow.words[i / 64] |= 1 << (i % 64);
                        } else {
                            slow.words[i / 64] &= !(1 << (i % 64));
                        }
                    }
                    assert_eq!(fast, slow, "{start} {len} {value}");
                }
            }
        }
    }
}
