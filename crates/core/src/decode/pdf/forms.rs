//! Form XObjects — drawings a page or another form reuses with `Do` — checked before the
//! interpreter runs. `pdf-extract` draws a form by calling itself, so a form that draws itself
//! (directly, or through other forms) recurses until the stack overflows: an abort that no
//! error handling catches, in the CLI and in a browser worker alike. Such a file is refused,
//! as is a chain of forms deeper than real documents nest them.

use super::Error;
use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use rustc_hash::{FxHashMap, FxHashSet};

/// The deepest chain of forms drawing forms that is read (real files nest two or three).
pub(crate) const MAX_DEPTH: usize = 32;

/// Refuse a document whose forms draw themselves or nest deeper than [`MAX_DEPTH`].
pub(super) fn check(doc: &Document, max_content: usize) -> Result<(), Error> {
    let forms: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_stream().is_ok_and(|s| s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form"))
        })
        .map(|(id, _)| *id)
        .collect();
    if forms.is_empty() {
        return Ok(());
    }
    let index: FxHashMap<ObjectId, usize> = forms.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // A form without resources of its own uses those of whatever draws it: its names may
    // mean any form that some resource dictionary of the file gives that name.
    let mut anywhere: FxHashMap<Vec<u8>, FxHashSet<usize>> = FxHashMap::default();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if let Some(xobjects) = xobjects_of(doc, dict) {
            for (name, target) in xobjects.iter() {
                if let Some(&k) = target.as_reference().ok().and_then(|id| index.get(&id)) {
                    anywhere.entry(name.clone()).or_default().insert(k);
                }
            }
        }
    }
    let mut draws: Vec<Vec<usize>> = vec![Vec::new(); forms.len()];
    for (i, id) in forms.iter().enumerate() {
        let Ok(stream) = doc.get_object(*id).and_then(Object::as_stream) else { continue };
        let content = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        if content.len() > max_content {
            return Err(Error::PageTooBig { page: 0, bytes: content.len() });
        }
        let Ok(content) = Content::decode(&content) else { continue };
        let own = xobjects_of(doc, &stream.dict);
        for op in content.operations.iter().filter(|op| op.operator == "Do") {
            let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else { continue };
            match own {
                Some(xobjects) => {
                    if let Some(&k) =
                        xobjects.get(name).ok().and_then(|t| t.as_reference().ok()).and_then(|id| index.get(&id))
                    {
                        draws[i].push(k);
                    }
                }
                None if stream.dict.has(b"Resources") => {}
                None => draws[i].extend(anywhere.get(name).into_iter().flatten().copied()),
            }
        }
    }
    match deepest(&draws) {
        Some(depth) if depth <= MAX_DEPTH => Ok(()),
        _ => Err(Error::Nested),
    }
}

/// The XObject dictionary of a resource-carrying dictionary, following references.
fn xobjects_of<'a>(doc: &'a Document, dict: &'a Dictionary) -> Option<&'a Dictionary> {
    let resources = match dict.get(b"Resources").ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_dict().ok()?,
        o => o.as_dict().ok()?,
    };
    match resources.get(b"XObject").ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_dict().ok(),
        o => o.as_dict().ok(),
    }
}

/// The longest chain in the graph (in forms), or `None` if it has a cycle; iterative, so a
/// long chain cannot overflow this stack either.
fn deepest(draws: &[Vec<usize>]) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; draws.len()];
    let mut depth = vec![0usize; draws.len()];
    for root in 0..draws.len() {
        if mark[root] != Mark::New {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = draws[node].get(*next) {
                *next += 1;
                match mark[child] {
                    Mark::Open => return None,
                    Mark::New => {
                        mark[child] = Mark::Open;
                        stack.push((child, 0));
                    }
                    Mark::Done => {}
                }
            } else {
                depth[node] = 1 + draws[node].iter().map(|&c| depth[c]).max().unwrap_or(0);
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    depth.into_iter().max()
}

#[cfg(test)]
mod tests {
    use super::deepest;

    #[test]
    fn chains_are_measured_and_cycles_found() {
        assert_eq!(deepest(&[vec![1], vec![2], vec![]]), Some(3));
        assert_eq!(deepest(&[vec![1, 2], vec![2], vec![]]), Some(3));
        assert_eq!(deepest(&[vec![0]]), None);
        assert_eq!(deepest(&[vec![1], vec![2], vec![0]]), None);
        let long: Vec<Vec<usize>> = (0..100_000).map(|i| if i + 1 < 100_000 { vec![i + 1] } else { vec![] }).collect();
        assert_eq!(deepest(&long), Some(100_000));
    }
}
