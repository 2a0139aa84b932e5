fn main() {
    let (article, _) = broadsheet::model::Article::from_json(&std::fs::read_to_string("public/articles/nica-agreement.json").unwrap()).unwrap();
    let html = broadsheet::prerender::article_html(article, None, broadsheet::config::Config::default());
    println!("{}", &html[..html.len().min(3000)]);
}
