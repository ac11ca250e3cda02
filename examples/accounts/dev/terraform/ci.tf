# GitHub Actions deploys to the dev account (444444444444) through OIDC, and writes build
# artefacts to a bucket whose policy names the CI role. Values Terraform computes (ARNs of
# resources, variables) are unknown to IAM Atlas and never reported.

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "github_ci" {
  name = "github-ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "GitHubActions"
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithWebIdentity"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Condition = {
          StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
          StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:${var.github_repository}:ref:refs/heads/main" }
        }
      }
    ]
  })
}

resource "aws_s3_bucket" "artifacts" {
  bucket = "example-dev-artifacts"
}

data "aws_iam_policy_document" "artifacts" {
  statement {
    sid       = "CiWritesArtifacts"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.artifacts.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.github_ci.arn]
    }
  }
}

resource "aws_s3_bucket_policy" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  policy = data.aws_iam_policy_document.artifacts.json
}

variable "github_repository" {
  type    = string
  default = "example/app"
}
