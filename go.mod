module github.com/tidemark/tidemark

go 1.25.0

require (
	github.com/dlclark/regexp2/v2 v2.12.0
	github.com/nyaruka/phonenumbers v1.8.1
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/text v0.40.0
)

require google.golang.org/protobuf v1.36.11 // indirect
