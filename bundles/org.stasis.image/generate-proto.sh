#!/bin/sh
# Generates the protobuf-java classes of the image metadata from the one schema tree the C engine
# compiles too (native/proto/stasis/*.proto), so Java and C can never disagree about the format.
# Uses Debian's protoc (releng/scripts/common.sh installs protobuf-compiler): nothing is fetched.
# Usage: generate-proto.sh PROTO_DIR OUT_DIR
set -eu
proto_dir=$1
out_dir=$2
# Generated code and the protobuf-java runtime must share major.minor (3.21, pinned in
# target-platform/stasis.target): refuse another protoc instead of producing classes that fail
# at run time with NoSuchMethodError.
expected="libprotoc 3.21."
version=$(protoc --version) || { echo "generate-proto.sh: protoc not found (apt-get install protobuf-compiler)" >&2; exit 1; }
case "$version" in
    "$expected"*) ;;
    *) echo "generate-proto.sh: $version does not match protobuf-java 3.21 in the target platform; install protoc 3.21 or bump both together" >&2; exit 1 ;;
esac
rm -rf "$out_dir"
mkdir -p "$out_dir"
protoc --proto_path="$proto_dir" --java_out="$out_dir" "$proto_dir"/stasis/*.proto
