module example.com/det

go 1.26
