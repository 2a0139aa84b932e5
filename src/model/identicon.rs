//! Identicons: a small symmetric pattern and a colour derived from a poster's hash, made here so no
//! request goes to a third party (as Gravatar would need).

/// A 5×5 pattern, mirrored left to right, and a hue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identicon {
    /// Row-major, `cells[row][column]`.
    pub cells: [[bool; 5]; 5],
    /// 0–359, for `hsl()`.
    pub hue: u16,
}

impl Identicon {
    /// The same hash always gives the same identicon, in every browser.
    ///
    /// ```
    /// use broadsheet::model::Identicon;
    /// assert_eq!(Identicon::from_hash("1ac7927fd6af"), Identicon::from_hash("1ac7927fd6af"));
    /// assert_ne!(Identicon::from_hash("1ac7927fd6af"), Identicon::from_hash("4505c1eeda98"));
    /// ```
    pub fn from_hash(hash: &str) -> Identicon {
        let bits = fnv1a(hash.as_bytes());
        let mut cells = [[false; 5]; 5];
        for row in 0..5 {
            for column in 0..3 {
                let on = bits >> (row * 3 + column) & 1 == 1;
                cells[row][column] = on;
                cells[row][4 - column] = on;
            }
        }
        Identicon { cells, hue: ((bits >> 32) % 360) as u16 }
    }

    /// SVG path data drawing every filled cell as a unit square, in a 5×5 user space: one
    /// `<path>` per identicon rather than a `<rect>` per cell (about twelve per identicon, so
    /// hundreds of elements on a page of comments).
    ///
    /// ```
    /// use broadsheet::model::Identicon;
    /// let mut cells = [[false; 5]; 5];
    /// cells[0][0] = true;
    /// cells[0][4] = true;
    /// let icon = Identicon { cells, hue: 0 };
    /// assert_eq!(icon.path(), "M0 0h1v1h-1zM4 0h1v1h-1z");
    /// ```
    pub fn path(&self) -> String {
        let mut path = String::new();
        for (row, columns) in self.cells.iter().enumerate() {
            for (column, _) in columns.iter().enumerate().filter(|(_, on)| **on) {
                path.push_str(&format!("M{column} {row}h1v1h-1z"));
            }
        }
        path
    }
}

/// FNV-1a, 64 bits: ten lines for a stable, well-spread hash of a short string; a crate would add
/// weight for no gain, and std's hasher is not stable across releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_mirrored_and_stable() {
        let icon = Identicon::from_hash("4505c1eeda98");
        for row in icon.cells {
            assert_eq!(row[0], row[4]);
            assert_eq!(row[1], row[3]);
        }
        assert!(icon.hue < 360);
        // Pinned so a change of hash (which would change every reader's picture) is noticed.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn the_path_draws_exactly_the_filled_cells() {
        let icon = Identicon::from_hash("4505c1eeda98");
        let squares: Vec<(usize, usize)> = icon
            .path()
            .split('M')
            .skip(1)
            .map(|square| {
                let corner = square.strip_suffix("h1v1h-1z").expect("a unit square");
                let (column, row) = corner.split_once(' ').expect("x y");
                (row.parse().unwrap(), column.parse().unwrap())
            })
            .collect();
        let filled: Vec<(usize, usize)> =
            (0..5).flat_map(|row| (0..5).map(move |column| (row, column))).filter(|&(r, c)| icon.cells[r][c]).collect();
        assert_eq!(squares, filled);
    }

    #[test]
    fn different_posters_usually_differ() {
        let hashes: Vec<String> = (0..200).map(|i| format!("{i:012x}")).collect();
        let distinct: std::collections::HashSet<_> =
            hashes.iter().map(|h| { let i = Identicon::from_hash(h); (i.cells, i.hue) }).collect();
        assert!(distinct.len() > 190, "{}", distinct.len());
    }
}
