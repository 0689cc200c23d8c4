#!/usr/bin/env python3
"""Prepares a moto server for `karpenter controller --cloud-provider aws`, as
Tests/KarpenterCLITests/AWSEndToEndTests.swift does: tags the default subnets and security group
with karpenter.sh/discovery=CLUSTER, makes the node role, the EKS cluster, the interruption queue,
and publishes the AL2023 AMI SSM parameters through the launcher's /_karpenter/ssm-parameters.

    aws_moto_prepare.py ENDPOINT ACCESS_KEY SECRET CLUSTER [K8S_VERSION]
"""
import json
import sys
import urllib.request

import boto3

endpoint, key, secret, cluster = sys.argv[1:5]
version = sys.argv[5] if len(sys.argv) > 5 else "1.31"
kw = dict(endpoint_url=endpoint, aws_access_key_id=key, aws_secret_access_key=secret, region_name="us-east-1")
ec2 = boto3.client("ec2", **kw)
subnets = [s["SubnetId"] for s in ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])["Subnets"]]
groups = [g["GroupId"] for g in ec2.describe_security_groups(Filters=[{"Name": "group-name", "Values": ["default"]}])["SecurityGroups"]]
ec2.create_tags(Resources=subnets + groups, Tags=[{"Key": "karpenter.sh/discovery", "Value": cluster}])
iam = boto3.client("iam", **kw)
role = iam.create_role(RoleName=f"KarpenterNodeRole-{cluster}", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
boto3.client("eks", **kw).create_cluster(
    name=cluster, roleArn=role["Role"]["Arn"], resourcesVpcConfig={"subnetIds": subnets}, version=version)
boto3.client("sqs", **kw).create_queue(QueueName=f"{cluster}-interruption")
images = ec2.describe_images(Owners=["amazon"])["Images"]
amd64 = next(i["ImageId"] for i in images if i["Architecture"] == "x86_64")
arm64 = next((i["ImageId"] for i in images if i["Architecture"] == "arm64"), amd64)
params = {}
for arch, variants in (("x86_64", ["standard", "nvidia", "neuron"]), ("arm64", ["standard", "nvidia"])):
    for variant in variants:
        name = f"/aws/service/eks/optimized-ami/{version}/amazon-linux-2023/{arch}/{variant}/recommended/image_id"
        params[name] = arm64 if arch == "arm64" else amd64
request = urllib.request.Request(
    endpoint + "/_karpenter/ssm-parameters", data=json.dumps({"parameters": params}).encode(),
    headers={"Content-Type": "application/json"}, method="POST")
urllib.request.urlopen(request).read()
