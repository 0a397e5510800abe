//! The engine's tables: `IdMap`, keyed by a dense `u32` id (an expression's or a local's
//! number) and kept as a `Vec` indexed by it, and `SortedMap`, a `Vec` of pairs sorted by
//! key (also the allocator's block table and free ranges). They stand in for the standard
//! library's `HashMap` and `BTreeMap`, whose code (hashing, tree nodes, rebalancing, per key
//! and value type) weighs far more in the WebAssembly module than these tables hold. Their
//! methods are named and behave as the standard library's, so they read the same where
//! they are used.

use std::borrow::Borrow;
use std::ops::{Bound, RangeBounds};

/// A map from dense `u32` ids to values: slot `id` of a `Vec`, grown as needed, so lookups
/// and inserts take constant time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdMap<V> {
    slots: Vec<Option<V>>,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap::new()
    }
}

impl<V> IdMap<V> {
    pub fn new() -> Self {
        IdMap { slots: Vec::new() }
    }

    pub fn get(&self, id: &u32) -> Option<&V> {
        self.slots.get(*id as usize)?.as_ref()
    }

    pub fn contains_key(&self, id: &u32) -> bool {
        self.get(id).is_some()
    }

    /// Sets the value of `id`, returning the one it replaces.
    pub fn insert(&mut self, id: u32, value: V) -> Option<V> {
        let i = id as usize;
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].replace(value)
    }
}

impl<V> std::ops::Index<&u32> for IdMap<V> {
    type Output = V;

    /// The value of an id that has one, as `HashMap`'s indexing.
    fn index(&self, id: &u32) -> &V {
        self.get(id).expect("the id has a value")
    }
}

/// A set of dense `u32` ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdSet {
    map: IdMap<()>,
}

impl IdSet {
    /// Adds `id`; false if it was there already.
    pub fn insert(&mut self, id: u32) -> bool {
        self.map.insert(id, ()).is_none()
    }

    pub fn contains(&self, id: &u32) -> bool {
        self.map.contains_key(id)
    }
}

/// A map kept as a `Vec` of `(key, value)` pairs sorted by key: lookups by binary search,
/// iteration in key order (as a `BTreeMap`'s), inserts and removes shifting the pairs after
/// them, which for the few entries these tables hold is quick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        SortedMap::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// A map of `pairs` in any order; of pairs with the same key, the first is kept.
    pub fn from_first(mut pairs: Vec<(K, V)>) -> Self {
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|later, earlier| later.0 == earlier.0);
        SortedMap { entries: pairs }
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let i = self.find(key).ok()?;
        Some(&self.entries[i].1)
    }

    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let i = self.find(key).ok()?;
        Some(&mut self.entries[i].1)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).is_ok()
    }

    /// Sets the value of `key`, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// The place of `key`, to read or fill in (as `BTreeMap::entry`).
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        let at = self.find(&key);
        Entry { map: self, key, at }
    }

    /// The entries whose keys lie in `range`, in key order (empty for a range that ends
    /// before it starts).
    pub fn range<R: RangeBounds<K>>(&self, range: R) -> Iter<'_, K, V> {
        let at = |bound: Bound<&K>, first: usize| match bound {
            Bound::Included(k) => self.entries.partition_point(|(x, _)| x < k),
            Bound::Excluded(k) => self.entries.partition_point(|(x, _)| x <= k),
            Bound::Unbounded => first,
        };
        let start = at(range.start_bound(), 0);
        let end = match range.end_bound() {
            Bound::Included(k) => at(Bound::Excluded(k), 0),
            Bound::Excluded(k) => at(Bound::Included(k), 0),
            Bound::Unbounded => self.entries.len(),
        };
        Iter(self.entries[start.min(end)..end].iter())
    }

    /// Keeps only the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + '_ {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + '_ {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for SortedMap<K, V> {
    type Output = V;

    /// The value of a key that has one, as `BTreeMap`'s indexing.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("the key has a value")
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

/// The entries of a `SortedMap` (or of a range of it), in key order.
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Iter(self.0.clone())
    }
}

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);

    fn next(&mut self) -> Option<(&'a K, &'a V)> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = SortedMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

/// A key's place in a `SortedMap`, found by `SortedMap::entry`.
pub struct Entry<'a, K, V> {
    map: &'a mut SortedMap<K, V>,
    key: K,
    at: Result<usize, usize>,
}

impl<'a, K: Ord, V> Entry<'a, K, V> {
    /// The value, `value` put in first when the key has none.
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    /// The value, made with `make` first when the key has none.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        let i = match self.at {
            Ok(i) => i,
            Err(i) => {
                self.map.entries.insert(i, (self.key, make()));
                i
            }
        };
        &mut self.map.entries[i].1
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A small deterministic generator, so the tests need no crate.
    fn numbers(seed: u64, n: usize, below: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % below
            })
            .collect()
    }

    #[test]
    fn sorted_map_agrees_with_btree_map() {
        for seed in 1..20 {
            let mut mine = SortedMap::new();
            let mut std = BTreeMap::new();
            let ops = numbers(seed, 400, 1000);
            for (i, &x) in ops.iter().enumerate() {
                let key = x % 50;
                match x % 5 {
                    0 | 1 => assert_eq!(mine.insert(key, i), std.insert(key, i)),
                    2 => assert_eq!(mine.remove(&key), std.remove(&key)),
                    3 => {
                        *mine.entry(key).or_insert(0) += 1;
                        *std.entry(key).or_insert(0) += 1;
                    }
                    _ => {
                        mine.retain(|k, _| k % 7 != x % 7);
                        std.retain(|k, _| k % 7 != x % 7);
                    }
                }
                assert_eq!(mine.get(&key), std.get(&key));
                assert_eq!(mine.contains_key(&(key + 1)), std.contains_key(&(key + 1)));
                let (lo, hi) = (key.min(x % 60), key.max(x % 60));
                assert!(mine.range(lo..hi).eq(std.range(lo..hi)));
                assert!(mine.range(lo..=hi).rev().eq(std.range(lo..=hi).rev()));
                assert!(mine
                    .range(..hi)
                    .next_back()
                    .eq(&std.range(..hi).next_back()));
                assert!(mine.range(lo..).eq(std.range(lo..)));
                assert!(mine.range(..=lo).eq(std.range(..=lo)));
                assert_eq!(
                    mine.range(hi + 1..lo).count(),
                    0,
                    "a backward range is empty"
                );
                assert_eq!(mine.len(), std.len());
            }
            let a: Vec<_> = mine.iter().collect();
            let b: Vec<_> = std.iter().collect();
            assert_eq!(a, b, "same entries in the same order");
        }
    }

    #[test]
    fn sorted_map_looks_up_strings_by_str() {
        let mut m: SortedMap<String, u32> = ["b", "a", "c"]
            .iter()
            .enumerate()
            .map(|(i, s)| (s.to_string(), i as u32))
            .collect();
        assert_eq!(m.get("a"), Some(&1));
        assert_eq!(
            m.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        *m.entry("a".to_string()).or_default() += 10;
        assert_eq!(m.get_mut("a").copied(), Some(11));
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [11, 0, 2]);
        assert_eq!(m.remove("z"), None);
        assert_eq!(m.entry("d".to_string()).or_insert_with(|| 7), &mut 7);
        assert_eq!(m.len(), 4);
    }

    #[test]
    fn id_map_agrees_with_btree_map() {
        for seed in 1..20 {
            let mut mine = IdMap::new();
            let mut std = BTreeMap::new();
            for (i, &x) in numbers(seed, 400, 1000).iter().enumerate() {
                let id = (x % 64) as u32;
                assert_eq!(mine.insert(id, i), std.insert(id, i));
                let probe = (x % 70) as u32;
                assert_eq!(mine.get(&probe), std.get(&probe));
                assert_eq!(mine.contains_key(&probe), std.contains_key(&probe));
                assert_eq!(mine[&id], std[&id]);
            }
        }
    }

    #[test]
    fn id_set_adds_once() {
        let mut s = IdSet::default();
        assert!(s.insert(5));
        assert!(!s.insert(5));
        assert!(s.contains(&5) && !s.contains(&4) && !s.contains(&500));
    }
}
