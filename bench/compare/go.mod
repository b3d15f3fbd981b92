module github.com/tidemark/tidemark/bench/compare

go 1.25.0

replace github.com/tidemark/tidemark => ../..

require (
	github.com/hoophq/alcatraz v0.23.0
	github.com/tidemark/tidemark v0.0.0-00010101000000-000000000000
)

require (
	github.com/nyaruka/phonenumbers v1.8.1 // indirect
	golang.org/x/text v0.40.0 // indirect
	google.golang.org/protobuf v1.36.11 // indirect
)
