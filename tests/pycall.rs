//! The pasted-call reader: arguments of every kind, and errors that say where and what.

use anneal::export::pycall::{parse_call_at, Call, ParseError, Py};

fn parse(s: &str) -> Result<Call, ParseError> {
    let chars: Vec<char> = s.chars().collect();
    parse_call_at(&chars, 0).map(|(call, _)| call)
}

#[test]
fn reads_positional_keyword_nested_and_literal_arguments() {
    let c = parse("torch.optim.lr_scheduler.SequentialLR(opt, [LinearLR(opt, start_factor=0.01, total_iters=5), CosineAnnealingLR(opt, T_max=95)], milestones=[5])").expect("parses");
    assert_eq!(c.name, "torch.optim.lr_scheduler.SequentialLR");
    assert_eq!(c.args[0], Py::Name("opt".into()));
    let Py::List(inner) = &c.args[1] else {
        panic!("list")
    };
    let Py::Call(linear) = &inner[0] else {
        panic!("call")
    };
    assert_eq!(linear.kwargs[0], ("start_factor".into(), Py::Num(0.01)));
    assert_eq!(
        c.kwargs[0],
        ("milestones".into(), Py::List(vec![Py::Int(5)]))
    );
    let d =
        parse("f(a=-1e-5, b=True, c=None, d={'x': 2}, e=dict(y=3.0), g='s', h=1_000, k={30: 0.1})")
            .expect("parses");
    let values: Vec<&Py> = d.kwargs.iter().map(|(_, v)| v).collect();
    assert_eq!(values[0], &Py::Num(-1e-5));
    assert_eq!(values[1], &Py::Bool(true));
    assert_eq!(values[2], &Py::None);
    assert_eq!(values[3], &Py::Dict(vec![("x".into(), Py::Int(2))]));
    assert_eq!(values[4], &Py::Dict(vec![("y".into(), Py::Num(3.0))]));
    assert_eq!(values[5], &Py::Str("s".into()));
    assert_eq!(values[6], &Py::Int(1000));
    assert_eq!(values[7], &Py::Dict(vec![("30".into(), Py::Num(0.1))]));
}

#[test]
fn errors_say_where_and_what() {
    let e = parse("CosineAnnealingLR(opt, T_max=10 eta_min=0)").unwrap_err();
    assert_eq!(e.column, 33);
    assert_eq!(e.message, "expected ',' or ')'");
    assert_eq!(
        parse("f(x=1e999)").unwrap_err().message,
        "'1e999' is not a number"
    );
    assert_eq!(
        parse("f(x=1, 2)").unwrap_err().message,
        "positional argument after a keyword argument"
    );
    assert_eq!(
        parse("f(x=1, x=2)").unwrap_err().message,
        "keyword argument 'x' repeated"
    );
    assert!(parse("f(x='open")
        .unwrap_err()
        .message
        .contains("never closed"));
    assert!(parse(&format!("f({}", "[".repeat(100)))
        .unwrap_err()
        .message
        .contains("nested"));
    assert!(parse("f(x=1").is_err());
}

#[test]
fn arithmetic_is_read_with_its_brackets_signs_and_comments() {
    let c = parse("f(a=(1876 - 113),  # total, minus the warm-up\n b=-(3), c=- 1, d=(1, 2), e=(5,), g=-x * 2, h='a # b' )")
        .expect("parses");
    let values: Vec<&Py> = c.kwargs.iter().map(|(_, v)| v).collect();
    assert_eq!(values[0], &Py::Int(1763));
    assert_eq!(values[1], &Py::Int(-3));
    assert_eq!(values[2], &Py::Int(-1));
    assert_eq!(values[3], &Py::List(vec![Py::Int(1), Py::Int(2)]));
    assert_eq!(
        values[4],
        &Py::List(vec![Py::Int(5)]),
        "a one-item tuple keeps its comma"
    );
    assert_eq!(values[5], &Py::Name("-x * 2".into()));
    assert_eq!(values[6], &Py::Str("a # b".into()));
    // An unclosed string or comment inside an expression ends the text, not the reader.
    assert!(parse("f(a=1 + 'open").is_err());
    assert!(parse("f(a=1 + # open").is_err());
}
