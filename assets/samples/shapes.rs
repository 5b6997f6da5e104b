use std::fmt;

#[derive(Debug, Clone, Copy)]
enum Shape {
    Circle { radius: f64 },
    Rectangle { width: f64, height: f64 },
}

impl Shape {
    fn area(&self) -> f64 {
        match *self {
            Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
            Shape::Rectangle { width, height } => width * height,
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} with area {:.2}", self, self.area())
    }
}

fn main() {
    let shapes = vec![Shape::Circle { radius: 1.5 }, Shape::Rectangle { width: 2.0, height: 3.0 }];
    let total: f64 = shapes.iter().map(Shape::area).sum();
    for shape in &shapes {
        println!("{}", shape);
    }
    println!("total area: {:.2}", total);
}
