// error[E0599] 3:17: no method named `is_vowel` found for type `char` in the current scope
fn main() {
    let v = 'a'.is_vowel();
    println!("{v}");
}
