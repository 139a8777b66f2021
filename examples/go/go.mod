module toolgate.dev/examples/go

go 1.19
