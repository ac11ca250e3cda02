# Deliberately risky: the AWS managed AdministratorAccess policy, through a permission set assigned in
# the prod account. Its name does not follow the naming convention of iam-atlas.json either.
resource "aws_ssoadmin_permission_set" "administrator" {
  name         = "Administrator"
  instance_arn = local.sso_instance_arn
}

resource "aws_ssoadmin_managed_policy_attachment" "administrator" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.administrator.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_identitystore_group" "platform_admins" {
  identity_store_id = var.identity_store_id
  display_name      = "platform-admins"
}

resource "aws_ssoadmin_account_assignment" "platform_admins_prod_administrator" {
  instance_arn       = local.sso_instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.administrator.arn
  principal_type     = "GROUP"
  principal_id       = aws_identitystore_group.platform_admins.group_id
  target_id          = "333333333333"
  target_type        = "AWS_ACCOUNT"
}

variable "identity_store_id" {
  type = string
}
