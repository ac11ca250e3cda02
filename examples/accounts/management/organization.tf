# The organisation (management account 111111111111): its member accounts, the guardrails every
# member account gets, and the permission set people sign in with.

resource "aws_organizations_account" "security" {
  name      = "security"
  email     = "aws+security@example.com"
  parent_id = var.security_ou_id
}

resource "aws_organizations_account" "prod" {
  name      = "prod"
  email     = "aws+prod@example.com"
  parent_id = var.workloads_ou_id
}

resource "aws_organizations_account" "dev" {
  name      = "dev"
  email     = "aws+dev@example.com"
  parent_id = var.workloads_ou_id
}

# A service control policy written with jsonencode.
resource "aws_organizations_policy" "deny_leave_organization" {
  name        = "deny-leave-organization"
  description = "Member accounts cannot leave the organisation."
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DenyLeaveOrganization"
        Effect   = "deny"
        Action   = "organizations:LeaveOrganization"
        Resource = "*"
      }
    ]
  })
}

resource "aws_organizations_policy_attachment" "deny_leave_organization" {
  policy_id = aws_organizations_policy.deny_leave_organization.id
  target_id = var.root_id
}

# A resource control policy from a policy_document block: its kind comes from the policy's type.
data "aws_iam_policy_document" "enforce_tls" {
  statement {
    sid       = "EnforceTls"
    effect    = "Deny"
    actions   = ["s3:*", "sqs:*", "secretsmanager:*"]
    resources = ["*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "BoolIfExists"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_organizations_policy" "enforce_tls" {
  name    = "enforce-tls"
  type    = "RESOURCE_CONTROL_POLICY"
  content = data.aws_iam_policy_document.enforce_tls.json
}

# IAM Identity Center: platform administrators sign in to prod with this permission set.
locals {
  sso_instance_arn = "arn:aws:sso:::instance/ssoins-72236b7d2ea25e3a"
}

resource "aws_ssoadmin_permission_set" "platform_admin" {
  name             = "PlatformAdmin"
  instance_arn     = local.sso_instance_arn
  session_duration = "PT4H"
}

data "aws_iam_policy_document" "platform_admin" {
  statement {
    sid       = "ManageWorkloads"
    actions   = ["ec2:*", "ecs:*", "cloudformation:*", "logs:*"]
    resources = ["*"]
  }

  statement {
    sid       = "NoLongLivedCredentials"
    effect    = "Deny"
    actions   = ["iam:CreateUser", "iam:CreateAccessKey"]
    resources = ["*"]
  }
}

resource "aws_ssoadmin_permission_set_inline_policy" "platform_admin" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.platform_admin.arn
  inline_policy      = data.aws_iam_policy_document.platform_admin.json
}

resource "aws_ssoadmin_account_assignment" "platform_admins_prod" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.platform_admin.arn
  principal_type     = "GROUP"
  principal_id       = var.platform_admins_group_id
  target_id          = "333333333333"
  target_type        = "AWS_ACCOUNT"
}

variable "security_ou_id" {
  type = string
}

variable "workloads_ou_id" {
  type = string
}

variable "root_id" {
  type = string
}

variable "platform_admins_group_id" {
  type = string
}
