//! The memory-error checker of manual mode, and what unchecked frees do. Checked runs stop
//! at the first bad access or free with a report in AddressSanitizer's terms: the kind, the
//! access, its size and address, where that lies in the block, and the block's history. A
//! Vec's pointer remembers the allocation it came from (its provenance), so a use after
//! free is caught even after a new block has reused the freed bytes.

use super::*;
use crate::diagnostic::{BlockReport, MemoryErrorKind, Severity};

impl<'p> Vm<'p> {
    /// Records which allocation the Vec metadata at stack index `meta` points into.
    /// A copy of stack bytes: every Vec pointer in them (a Vec, or the Vec fields of a
    /// struct) keeps the allocation it came from; the destination's old ones are forgotten.
    pub(super) fn copy_provenance(&mut self, from: u32, to: u32, size: u32) {
        let size = size.max(1);
        let moved: Vec<(u32, u32)> = self
            .provenance
            .range(from..from.saturating_add(size))
            .map(|(a, id)| (*a - from + to, *id))
            .collect();
        self.provenance.retain(|a, _| !(*a >= to && *a - to < size));
        for (a, id) in moved {
            self.provenance.insert(a, id);
        }
    }

    pub(super) fn note_provenance(&mut self, meta: u32, ptr: u64, cap: u64) {
        let id = (cap > 0)
            .then(|| self.st.block_at(ptr as u32))
            .flatten()
            .filter(|(_, b)| !b.freed)
            .map(|(id, _)| id);
        match id {
            Some(id) => self.provenance.insert(meta, id),
            None => self.provenance.remove(&meta),
        };
    }

    fn site_line(&self, site: u32) -> u32 {
        self.p.sites.get(site as usize).map_or(0, |s| s.line)
    }

    fn span_of_site(&self, site: u32) -> Option<Span> {
        self.p.sites.get(site as usize).map(|s| s.span)
    }

    fn block_report(&self, id: u32) -> Option<BlockReport> {
        let a = self.allocs.get(id as usize)?;
        Some(BlockReport {
            addr: a.addr,
            size: a.size,
            label: self
                .p
                .labels
                .get(a.label as usize)
                .cloned()
                .unwrap_or_default(),
            by: a.by.to_string(),
            alloc_step: a.step.saturating_sub(1),
            alloc_line: self.site_line(a.site),
            free_step: a.freed.map(|(s, _)| s.saturating_sub(1)),
            free_line: a.freed.map(|(_, site)| self.site_line(site)),
        })
    }

    /// Builds the report that stops a checked run.
    /// `spot` is the bytes concerned: region, first address, count.
    fn memory_error(
        &self,
        kind: MemoryErrorKind,
        access: Access,
        (region, addr, size): (Region, u32, u32),
        block: Option<u32>,
        span: Span,
    ) -> Stop {
        let place = format!("{}[{addr}]", region.name());
        let message = match access {
            Access::Read => format!("{}: READ of size {size} at {place}", kind.name()),
            Access::Write => format!("{}: WRITE of size {size} at {place}", kind.name()),
            Access::Free => match kind {
                MemoryErrorKind::DoubleFree => format!("double-free: {place} was already freed"),
                _ => format!("invalid-free: {place} is not the start of a heap block"),
            },
        };
        let report = block.and_then(|id| self.block_report(id));
        let mut notes = Vec::new();
        let mut labels = Vec::new();
        let offset = report.as_ref().map(|b| addr as i64 - b.addr as i64);
        if let (Some(b), Some(off)) = (&report, offset) {
            let whose = if b.label.is_empty() {
                String::new()
            } else {
                format!(" ({})", b.label)
            };
            let range = format!(
                "the {}-byte block heap[{}..{}]{whose}",
                b.size,
                b.addr,
                b.addr + b.size
            );
            notes.push(if off < 0 {
                format!("{place} is {} bytes before {range}", -off)
            } else if off >= b.size as i64 {
                format!("{place} is {} bytes after {range}", off - b.size as i64)
            } else {
                format!("{place} is {off} bytes inside {range}")
            });
            if let (Some(step), Some(line)) = (b.free_step, b.free_line) {
                notes.push(format!(
                    "the block was freed at line {line}, step {}",
                    step + 1
                ));
            }
            notes.push(format!(
                "the block was allocated at line {}, step {}, by `{}`",
                b.alloc_line,
                b.alloc_step + 1,
                b.by
            ));
            if let Some(a) = self.allocs.get(block.unwrap_or(0) as usize) {
                if let Some(s) = self.span_of_site(a.site) {
                    labels.push((
                        s,
                        format!("allocated here by `{}` (step {})", a.by, b.alloc_step + 1),
                    ));
                }
                if let Some((step, site)) = a.freed {
                    if let Some(s) = self.span_of_site(site) {
                        labels.push((s, format!("freed here (step {})", step.max(1))));
                    }
                }
            }
        }
        if kind == MemoryErrorKind::HeapUseAfterFree {
            notes.push(
                "after `dealloc`, the block's bytes belong to the allocator: a later allocation may already hold someone else's data there".into(),
            );
        }
        Stop {
            kind: DiagnosticKind::MemoryError,
            message,
            span,
            notes,
            labels,
            memory: Some(Box::new(MemoryReport {
                kind,
                access: Some(access),
                size,
                region,
                addr,
                block: report,
                offset,
            })),
        }
    }

    /// The block holding heap bytes `addr..addr + size`, by address: a live one first.
    /// `Ok(None)` when the bytes lie in a live block; otherwise the error's kind and block.
    fn classify(&self, addr: u32, size: u32) -> Result<(), (MemoryErrorKind, Option<u32>)> {
        let end = addr as u64 + size as u64;
        let mut freed = None;
        let mut partial = None;
        for (&(start, id), b) in self.st.blocks.range(..(addr + 1, 0)) {
            let bend = start as u64 + b.size as u64;
            if (addr as u64) < bend {
                if b.freed {
                    freed = Some(id);
                } else if end <= bend {
                    return Ok(());
                } else {
                    partial = Some(id);
                }
            }
        }
        if let Some(id) = freed {
            return Err((MemoryErrorKind::HeapUseAfterFree, Some(id)));
        }
        if let Some(id) = partial {
            return Err((MemoryErrorKind::HeapBufferOverflow, Some(id)));
        }
        // Outside every block: report it against the nearest block below, or else above.
        let below = self
            .st
            .blocks
            .range(..(addr, 0))
            .next_back()
            .map(|(k, _)| k.1);
        let above = self.st.blocks.range((addr, 0)..).next().map(|(k, _)| k.1);
        Err((MemoryErrorKind::HeapBufferOverflow, below.or(above)))
    }

    /// Checks an access to heap bytes `addr..addr + size`, made through the Vec whose
    /// metadata is at `vec` (its provenance decides) or by address alone.
    pub(super) fn check_heap(
        &self,
        vec: Option<u64>,
        addr: u32,
        size: u32,
        access: Access,
        span: Span,
    ) -> Result<(), Stop> {
        let provenance = vec.and_then(|v| match split(v) {
            (Region::Stack, a) => self.provenance.get(&a).copied(),
            _ => None,
        });
        let verdict = match provenance.and_then(|id| self.allocs.get(id as usize).map(|a| (id, a)))
        {
            Some((id, a)) if a.freed.is_some() => {
                Err((MemoryErrorKind::HeapUseAfterFree, Some(id)))
            }
            Some((id, a))
                if addr < a.addr || addr as u64 + size as u64 > a.addr as u64 + a.size as u64 =>
            {
                Err((MemoryErrorKind::HeapBufferOverflow, Some(id)))
            }
            Some(_) => Ok(()),
            None => self.classify(addr, size),
        };
        verdict.map_err(|(kind, block)| {
            self.memory_error(kind, access, (Region::Heap, addr, size), block, span)
        })
    }

    /// Printing a Vec reads all its elements.
    pub(super) fn check_format_reads(&self, format: u32, args: u8) -> Result<(), Stop> {
        let n = args as usize;
        let start = self.regs.len().saturating_sub(n);
        let span = self.site_span();
        for piece in &self.p.formats[format as usize] {
            // A Vec's elements, or a String's bytes (a String is laid out as a `Vec<u8>`).
            let (value, elem_size) = match piece {
                FmtPiece::Arg {
                    value,
                    ty: Ty::Vec(elem),
                    ..
                } => (*value, elem.size(self.p.ptr) as u64),
                FmtPiece::Arg {
                    value,
                    ty: Ty::String,
                    ..
                } => (*value, 1),
                _ => continue,
            };
            {
                let Some(&vec) = self.regs.get(start + value) else {
                    continue;
                };
                let (p, len, _) = self.meta(vec);
                let bytes = len.saturating_mul(elem_size);
                if bytes > 0 {
                    self.check_heap(
                        Some(vec),
                        p as u32,
                        bytes.min(u32::MAX as u64) as u32,
                        Access::Read,
                        span,
                    )?;
                }
            }
        }
        Ok(())
    }

    /// Frees without checks: a live block is freed; a block already freed goes on the free
    /// list a second time; anything else changes nothing.
    fn free_unchecked(&mut self, addr: u32) {
        match self.st.block_at(addr).map(|(_, b)| (b.freed, b.size)) {
            Some((false, _)) => self.dealloc(addr),
            Some((true, size)) => {
                self.double_freed.push((addr, size));
                let label = self.st.block_at(addr).map_or(u32::MAX, |(_, b)| b.label);
                self.log.dealloc(addr, size, label);
            }
            None => {}
        }
    }

    /// `dealloc(v)`: frees the buffer of the Vec whose metadata is at `vec`.
    pub(super) fn dealloc_vec(&mut self, vec: u64, span: Span) -> Result<(), Stop> {
        let (ptr, _, cap) = self.meta(vec);
        if cap == 0 {
            // No allocation: nothing to free, as freeing a null pointer does nothing.
            return Ok(());
        }
        if !self.checked {
            self.free_unchecked(ptr as u32);
            return Ok(());
        }
        let provenance = match split(vec) {
            (Region::Stack, a) => self.provenance.get(&a).copied(),
            _ => None,
        };
        if let Some(id) = provenance {
            if let Some(a) = self.allocs.get(id as usize) {
                if a.freed.is_some() {
                    let size = a.size;
                    return Err(self.memory_error(
                        MemoryErrorKind::DoubleFree,
                        Access::Free,
                        (Region::Heap, ptr as u32, size),
                        Some(id),
                        span,
                    ));
                }
                self.dealloc(ptr as u32);
                return Ok(());
            }
        }
        self.dealloc_raw(ptr, span)
    }

    /// `dealloc(p)`: frees the block that starts at heap index `p`.
    pub(super) fn dealloc_raw(&mut self, addr: u64, span: Span) -> Result<(), Stop> {
        let a = addr.min(u32::MAX as u64) as u32;
        if !self.checked {
            self.free_unchecked(a);
            return Ok(());
        }
        match self.st.block_at(a).map(|(id, b)| (id, b.freed, b.size)) {
            Some((_, false, _)) => {
                self.dealloc(a);
                Ok(())
            }
            Some((id, true, size)) => Err(self.memory_error(
                MemoryErrorKind::DoubleFree,
                Access::Free,
                (Region::Heap, a, size),
                Some(id),
                span,
            )),
            None => {
                let block = match self.classify(a, 1) {
                    Ok(()) => self
                        .st
                        .blocks
                        .range(..(a, 0))
                        .rev()
                        .find(|(k, b)| !b.freed && k.0 + b.size > a)
                        .map(|(k, _)| k.1),
                    Err((_, b)) => b,
                };
                Err(self.memory_error(
                    MemoryErrorKind::InvalidFree,
                    Access::Free,
                    (Region::Heap, a, 0),
                    block,
                    span,
                ))
            }
        }
    }

    /// An access through a reference: on the stack, the bytes must be below `stack_length`
    /// (a reference that outlived its frame points above it: stack-use-after-return).
    pub(super) fn check_stack_access(
        &self,
        addr: u64,
        size: u32,
        access: Access,
    ) -> Result<(), Stop> {
        let (region, a) = split(addr);
        if region != Region::Stack || a + size <= self.st.stack_length {
            return Ok(());
        }
        let span = self.site_span();
        let mut stop = self.memory_error(
            MemoryErrorKind::StackUseAfterReturn,
            access,
            (Region::Stack, a, size),
            None,
            span,
        );
        stop.notes.push(format!(
            "stack[{a}] is past stack_length ({}): the frame that owned it has returned",
            self.st.stack_length
        ));
        Err(stop)
    }

    /// `heap_bytes[i]` or `stack_bytes[i]`: the byte's address, after the checks.
    pub(super) fn raw_addr(
        &self,
        stack: bool,
        index: u64,
        write: bool,
        span: Span,
    ) -> Result<u64, Stop> {
        let len = if stack {
            self.settings.stack_size
        } else {
            self.settings.heap_size
        } as u64;
        if index >= len {
            return Err(panic_at(
                format!("index out of bounds: the len is {len} but the index is {index}"),
                span,
            ));
        }
        let access = if write { Access::Write } else { Access::Read };
        if stack {
            if self.checked && index >= self.st.stack_length as u64 {
                let mut stop = self.memory_error(
                    MemoryErrorKind::StackUseAfterReturn,
                    access,
                    (Region::Stack, index as u32, 1),
                    None,
                    span,
                );
                stop.notes.push(format!(
                    "stack[{index}] is past stack_length ({}): no frame owns it now",
                    self.st.stack_length
                ));
                return Err(stop);
            }
            return Ok(index | STACK_TAG);
        }
        if self.checked {
            self.check_heap(None, index as u32, 1, access, span)?;
        }
        Ok(index)
    }

    /// One diagnostic per block still live at the end of the run.
    pub(super) fn leaks(&self) -> Vec<Diagnostic> {
        let live: Vec<(u32, &AllocRec)> = self
            .allocs
            .iter()
            .enumerate()
            .filter(|(_, a)| a.freed.is_none() && a.by != "string literals")
            .map(|(i, a)| (i as u32, a))
            .collect();
        let total: u64 = live.iter().map(|(_, a)| a.size as u64).sum();
        let count = live.len();
        let mut out = Vec::new();
        for (i, (id, a)) in live.iter().enumerate() {
            let line = self.site_line(a.site);
            let span = self.span_of_site(a.site).unwrap_or_default();
            let mut d = Diagnostic::warning(
                DiagnosticKind::Leak,
                span,
                format!(
                    "{} bytes in 1 block leaked, allocated at line {line} by `{}`",
                    a.size, a.by
                ),
            )
            .with_span_label(format!(
                "allocated here (step {}), never freed",
                a.step.max(1)
            ));
            if self.settings.deny_leaks {
                d.severity = Severity::Error;
            }
            // Found when the run ended.
            d.step = Some(self.st.step.saturating_sub(1));
            if i + 1 == count {
                d = d.with_note(format!(
                    "SUMMARY: {total} bytes leaked in {count} block{}",
                    if count == 1 { "" } else { "s" }
                ));
            }
            d.memory = Some(MemoryReport {
                kind: MemoryErrorKind::Leak,
                access: None,
                size: a.size,
                region: Region::Heap,
                addr: a.addr,
                block: self.block_report(*id),
                offset: Some(0),
            });
            out.push(d);
        }
        out
    }
}
