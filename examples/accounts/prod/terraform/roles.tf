# Roles in the prod account (333333333333), their trust policies in the three ways Terraform
# writes them.

# jsonencode: the CI role of the security account deploys here, from inside the organisation only.
resource "aws_iam_role" "release" {
  name = "release"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "FromSecurityCi"
        Effect    = "Allow"
        Action    = ["sts:AssumeRole", "sts:TagSession"]
        Principal = { AWS = "arn:aws:iam::222222222222:role/ci" }
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      }
    ]
  })
}

resource "aws_iam_role_policy" "release" {
  name = "release"
  role = aws_iam_role.release.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "UpdateServices"
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = "arn:aws:ecs:eu-west-1:333333333333:service/prod/*"
      }
    ]
  })
}

# A heredoc. Deliberately risky: the vendor's whole account may assume the role, and there is no
# sts:ExternalId condition to stop the confused deputy.
resource "aws_iam_role" "vendor_audit" {
  name = "vendor-audit"
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "acme-monitoring",
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::999988887777:root" },
          "Action": "sts:AssumeRole"
        }
      ]
    }
  EOT
}

# A policy_document block, used by the role below: it is a trust policy. Deliberately risky: any
# principal in any account may assume the role, with no condition.
data "aws_iam_policy_document" "break_glass_trust" {
  statement {
    sid       = "AnyoneMayTry"
    actions   = ["sts:AssumeRole"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "break_glass" {
  name                 = "break-glass"
  assume_role_policy   = data.aws_iam_policy_document.break_glass_trust.json
  permissions_boundary = aws_iam_policy.break_glass_boundary.arn
}

# Used as the role's permissions boundary, so IAM Atlas reads it as one.
resource "aws_iam_policy" "break_glass_boundary" {
  name = "break-glass-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AllButOrganizations"
        Effect   = "Allow"
        NotAction = ["organizations:*", "account:*"]
        Resource = "*"
      }
    ]
  })
}
