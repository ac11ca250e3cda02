# Every resource of the prod folder gets an owner tag from the provider's default_tags, so its roles
# have an owner without writing one on each.
provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      owner = "platform-team"
    }
  }
}
