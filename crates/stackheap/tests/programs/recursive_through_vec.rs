// Structs that hold each other through a Vec (a tree whose children are a forest), and a
// struct that holds itself in a Vec.
#[derive(Debug)]
struct Forest {
    trees: Vec<Tree>,
}

#[derive(Debug)]
struct Tree {
    value: i32,
    children: Forest,
}

#[derive(Debug)]
struct Dir {
    name: String,
    subdirs: Vec<Dir>,
}

fn total(f: &Forest) -> i32 {
    let mut sum = 0;
    for t in &f.trees {
        sum += t.value + total(&t.children);
    }
    sum
}

fn count(d: &Dir) -> usize {
    let mut n = 1;
    for s in &d.subdirs {
        n += count(s);
    }
    n
}

fn main() {
    let leaf = Tree { value: 3, children: Forest { trees: Vec::new() } };
    let mid = Tree { value: 2, children: Forest { trees: vec![leaf] } };
    let f = Forest { trees: vec![mid, Tree { value: 10, children: Forest { trees: vec![] } }] };
    println!("{}", total(&f));
    println!("{:?}", f);
    let mut root = Dir { name: String::from("/"), subdirs: Vec::new() };
    let mut home = Dir { name: String::from("home"), subdirs: Vec::new() };
    home.subdirs.push(Dir { name: String::from("ann"), subdirs: Vec::new() });
    root.subdirs.push(home);
    root.subdirs.push(Dir { name: String::from("tmp"), subdirs: Vec::new() });
    println!("{} {}", count(&root), root.subdirs[0].subdirs[0].name);
    println!("{:#?}", root.subdirs[1]);
    println!("{} {}", std::mem::size_of::<Tree>(), std::mem::size_of::<Dir>());
}
